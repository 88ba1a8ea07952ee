fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    print!("{}", claimtrack_extract::listing(&claimtrack_extract::extract(&text).expect("valid")));
}
