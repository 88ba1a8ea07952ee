use crate::{extract, Kind};

/// (quote, speaker) pairs of a text.
fn credited(text: &str) -> Vec<(String, Option<String>)> {
    let found = extract(text).expect("a valid text");
    found.into_iter().filter(|c| c.kind == Kind::Quote).map(|c| (c.text, c.speaker)).collect()
}

fn speaker_of(text: &str, quote: &str) -> Option<String> {
    credited(text).into_iter().find(|(q, _)| q == quote).and_then(|(_, s)| s)
}

#[test]
fn rule_transcript_label() {
    let text =
        "The senator was asked about the bill.\nMORALES: \"We will not vote for this bill as it stands.\"";
    assert_eq!(speaker_of(text, "We will not vote for this bill as it stands.").as_deref(), Some("Morales"));
}

#[test]
fn rule_transcript_label_names_the_person_in_full() {
    let text =
        "The BBC's Nick Robinson asked the minister.\nROBINSON: \"Is it true that the lists have grown?\"";
    assert_eq!(speaker_of(text, "Is it true that the lists have grown?").as_deref(), Some("Nick Robinson"));
}

#[test]
fn rule_pronoun_takes_the_nearest_person_not_a_place() {
    let text = "Spokesman William Spindler spoke in Geneva. Africa used to host the most refugees.\n\"But still Africa is hosting a quarter of them,\" he said.";
    assert_eq!(
        speaker_of(text, "But still Africa is hosting a quarter of them").as_deref(),
        Some("William Spindler")
    );
}

#[test]
fn rule_attribution_after_the_quote_and_said_x() {
    let text = "Karin Lindqvist opened the fair. \"This is a day for everyone!\" Lindqvist said. \"We waited ten long years for it,\" said Per Olsson, a banker.";
    assert_eq!(speaker_of(text, "This is a day for everyone!").as_deref(), Some("Karin Lindqvist"));
    assert_eq!(speaker_of(text, "We waited ten long years for it").as_deref(), Some("Per Olsson"));
}

#[test]
fn rule_a_name_and_apposition_after_the_quote() {
    let text = "AEMET said it would last. \"We are seeing more elderly patients every day,\" Dr. Ana García, head of emergency medicine at La Paz hospital, told AP.";
    assert_eq!(
        speaker_of(text, "We are seeing more elderly patients every day").as_deref(),
        Some("Ana García")
    );
}

#[test]
fn rule_long_apposition_before_the_verb() {
    let text = "Cynthia Thompson, curator of exhibits at the University of Arkansas, Fayetteville, said, \"These images document his every day life.\"";
    assert_eq!(
        speaker_of(text, "These images document his every day life.").as_deref(),
        Some("Cynthia Thompson")
    );
}

#[test]
fn rule_a_role_is_the_person_named_with_it_or_the_role_as_written() {
    let text = "After the leak, CEO of the Refugee Council Enver Solomon spoke to reporters. \"The answer is not more hurdles for anyone,\" the CEO said. \"We need a fair and fast process,\" the minister said.";
    assert_eq!(
        speaker_of(text, "The answer is not more hurdles for anyone").as_deref(),
        Some("Enver Solomon")
    );
    // The CEO in view holds another office: "the minister" is someone the text did not name.
    assert_eq!(speaker_of(text, "We need a fair and fast process").as_deref(), Some("the minister"));
    // Named with no office at all, the person in view is the one the title means.
    let text = "Gordon Brown said how grateful he was.\n\nThe PM said:\n\n“Easter is the most important date in the calendar.”";
    assert_eq!(
        speaker_of(text, "Easter is the most important date in the calendar.").as_deref(),
        Some("Gordon Brown")
    );
}

#[test]
fn rule_a_paragraph_that_is_only_a_quote_takes_the_speaker_before() {
    let text = "Biodiversity Minister Lorna Slater said:\n\n“The crises of nature loss and climate change need urgent action.”";
    assert_eq!(
        speaker_of(text, "The crises of nature loss and climate change need urgent action.").as_deref(),
        Some("Lorna Slater")
    );
}

#[test]
fn quotation_paragraphs_after_a_statement_from_someone_are_theirs() {
    let text = "The following is a statement from NASA Administrator Jane Okafor regarding the landing.\n\n\"We are encouraged by the news out of Utah, despite the hard landing.\n\n\"Our re-entry plan was based on safety, and the choice of site was intentional.";
    assert_eq!(
        speaker_of(text, "We are encouraged by the news out of Utah, despite the hard landing.").as_deref(),
        Some("Jane Okafor")
    );
    assert_eq!(
        speaker_of(text, "Our re-entry plan was based on safety, and the choice of site was intentional.")
            .as_deref(),
        Some("Jane Okafor")
    );
    let text = "According to a statement by NASA Associate Administrator for the Office of Communications, Dave Moreau:\n\n\"We respect the contributions the two astronauts have made in service to our country.\"";
    assert_eq!(
        speaker_of(
            text,
            "We respect the contributions the two astronauts have made in service to our country."
        )
        .as_deref(),
        Some("Dave Moreau")
    );
}

#[test]
fn a_quotation_left_open_goes_on_in_unmarked_paragraphs_in_the_first_person() {
    let text = "The Prime Minister Jane Okafor said:\n\n“Easter is the most important date in the calendar for many.\n\nThis year we have particular reason to celebrate, as the Pope will visit.\n\nThe churches are the conscience of our country. I am grateful for what the Bible calls ‘the least of these’.\n\nThe service was attended by hundreds.";
    assert_eq!(
        speaker_of(text, "This year we have particular reason to celebrate, as the Pope will visit.")
            .as_deref(),
        Some("Jane Okafor")
    );
    let quotes: Vec<String> = credited(text).into_iter().map(|(q, _)| q).collect();
    assert!(quotes.iter().any(|q| q.starts_with("The churches are the conscience")));
    assert!(!quotes.iter().any(|q| q.starts_with("The service was attended")));
}

#[test]
fn a_figure_in_a_clause_about_the_speaker_is_the_writers() {
    let text = "Biden, who spent seven hours Sunday in Uvalde visiting with the relatives of the victims and survivors of the attack, said 19 children had died.";
    assert_eq!(figure_speakers(text), [None, Some("Biden".to_owned())]);
    // After the attribution, ending the sentence; not when the clause says something itself.
    let text = "\"Right now I am worried,\" said Stoung town farmer Buth Chorn, who has six children.";
    assert_eq!(figure_speakers(text), [None]);
    let text = "The mayor spoke, said Jane Smith, who added that 40 percent of homes were damaged.";
    assert_eq!(figure_speakers(text), [Some("Jane Smith".to_owned())]);
    let text = "Andrew Constance said the state has committed $90 million to the project, which is expected to create 300 jobs.";
    assert_eq!(
        figure_speakers(text),
        [Some("Andrew Constance".to_owned()), Some("Andrew Constance".to_owned())]
    );
}

#[test]
fn rule_participle_credits_the_phrase_before_it() {
    let text = "It quoted critics, with Boswell stating: \"This latest move is clumsy and unthinking.\"";
    assert_eq!(speaker_of(text, "This latest move is clumsy and unthinking.").as_deref(), Some("Boswell"));
}

#[test]
fn places_nationalities_and_abbreviations_are_not_people() {
    let text = "The Korean Central News Agency (KCNA) reported the attack. \"Provocation deserves harsh punishment,\" said KCNA. \"We are ready for anything at all,\" the Russian said.";
    assert_eq!(
        speaker_of(text, "Provocation deserves harsh punishment").as_deref(),
        Some("Korean Central News Agency")
    );
    assert_eq!(speaker_of(text, "We are ready for anything at all"), None);
}

#[test]
fn rule_in_the_words_of_a_role_then_the_person() {
    let text =
        "In the words of the Crown prosecutor, Mark Tedeschi, QC, \"Gloria spent her last months crying.\"";
    assert_eq!(speaker_of(text, "Gloria spent her last months crying.").as_deref(), Some("Mark Tedeschi"));
}

#[test]
fn rule_the_person_after_an_owner_is_the_subject() {
    let text = "Labour's Shadow Home Secretary Yvette Cooper said the plan was late, and said it was \"damning that nothing was done\" for years.";
    assert_eq!(speaker_of(text, "damning that nothing was done").as_deref(), Some("Yvette Cooper"));
}

/// The speaker of the figures of `text`.
fn figure_speakers(text: &str) -> Vec<Option<String>> {
    let found = extract(text).expect("a valid text");
    found.into_iter().filter(|c| c.kind == Kind::Numeric).map(|c| c.speaker).collect()
}

#[test]
fn a_label_before_a_quotation_is_that_clips_alone() {
    let text = "Internet report\n\nSUSAN TELTSCHER: \"Only one out of five people is online.\"\n\nThe world has almost seven billion people.";
    let speakers = figure_speakers(text);
    assert_eq!(speakers, [Some("Susan Teltscher".to_owned()), None]);
}

#[test]
fn list_items_under_the_headline_are_no_headlines() {
    let text = "Housing update\n\n• 32,695 new homes completed in 2023\n• construction started on 32,800 new homes\n\nThe number rose.";
    let values: Vec<f64> = extract(text)
        .expect("a valid text")
        .into_iter()
        .filter_map(|c| c.quantity.map(|q| q.value))
        .collect();
    assert_eq!(values, [32_695.0, 32_800.0]);
}

#[test]
fn a_sentence_carrying_on_from_a_report_is_the_same_source() {
    let text = "The government reports at least 90 people have been killed. In addition, 34 schools were closed. The river rose 2 metres.\n\nIn addition, 12 roads were shut.";
    let government = Some("the government".to_owned());
    assert_eq!(figure_speakers(text), [government.clone(), government, None, None]);
}

#[test]
fn figures_are_credited_by_report_verbs_but_not_by_nouns_that_look_like_them() {
    assert_eq!(
        figure_speakers("Figures show 45,756 migrants drove asylum claims over 150,000."),
        [None, None]
    );
    assert_eq!(figure_speakers("The agency estimates 40,000 people fled."), [Some("the agency".to_owned())]);
    assert_eq!(
        figure_speakers(
            "According to Afghan Ambassador to the United States Hamdullah Mohib, 20 teams came."
        ),
        [Some("Hamdullah Mohib".to_owned())]
    );
    assert_eq!(
        figure_speakers("According to figures published today by Eurostat, unemployment was 6.2%."),
        [Some("Eurostat".to_owned())]
    );
}

#[test]
fn a_study_of_people_is_credited_to_the_study_and_an_unnamed_spokesman_as_written() {
    assert_eq!(
        figure_speakers("The survey of 1,000 adults found that two in three backed it."),
        [Some("the survey".to_owned()), Some("the survey".to_owned())]
    );
    let text = "\"We are doing everything we can for them,\" said the spokesman, who asked not to be named.";
    assert_eq!(speaker_of(text, "We are doing everything we can for them").as_deref(), Some("the spokesman"));
}

#[test]
fn a_verb_of_speech_with_an_object_is_no_attribution() {
    let text =
        "WASHINGTON — The U.S. economy added 275,000 jobs in February, the Labor Department said Friday.";
    assert_eq!(figure_speakers(text), [Some("the Labor Department".to_owned())]);
    let text = "Smith spoke first. \"Demand was strong everywhere,\" Jane Doe added.";
    assert_eq!(speaker_of(text, "Demand was strong everywhere").as_deref(), Some("Jane Doe"));
}

#[test]
fn it_is_the_organisation_the_sentence_opened_with_after_a_dateline() {
    let text = "TOKYO — Toyota Motor Corp cut its forecast on Thursday, citing tariffs that it said would cost 1.4 trillion yen.";
    assert_eq!(figure_speakers(text), [Some("Toyota Motor Corp".to_owned())]);
    let text = "Honda last week said it expected tariffs to cost 385 billion yen. \"Nobody will escape this at all,\" added KCNA.";
    assert_eq!(figure_speakers(text), [Some("Honda".to_owned())]);
    assert_eq!(speaker_of(text, "Nobody will escape this at all").as_deref(), Some("KCNA"));
}

#[test]
fn according_to_a_document_credits_its_source() {
    assert_eq!(
        figure_speakers("Claims may reach $8 billion, according to a statement from Moody's."),
        [Some("Moody's".to_owned())]
    );
    assert_eq!(
        figure_speakers("Markets see a 70% chance of a cut, according to CME Group's FedWatch tool."),
        [Some("CME Group".to_owned())]
    );
}

#[test]
fn cities_in_titles_parties_and_quoted_as_saying() {
    let text = "London Mayor Sadiq Khan spoke. \"Londoners are resilient and strong,\" Khan said. \"Nothing is decided yet, nothing,\" the Democrat added. Putin was quoted as saying that \"the West wants war with us.\"";
    assert_eq!(speaker_of(text, "Londoners are resilient and strong").as_deref(), Some("Sadiq Khan"));
    assert_eq!(speaker_of(text, "Nothing is decided yet, nothing"), None);
    assert_eq!(speaker_of(text, "the West wants war with us.").as_deref(), Some("Putin"));
}

#[test]
fn figures_in_the_later_sentences_of_a_long_quote_are_the_speakers() {
    let text = "Mayor Anna Berg spoke on Monday. “We were ready. Then 2.3 million of them arrived in one week. Nobody could cope,” Berg said.";
    let found = extract(text).expect("valid");
    let figure = found.iter().find(|c| c.kind == Kind::Numeric).expect("a figure");
    assert_eq!(figure.quantity.as_ref().map(|q| q.value), Some(2.3e6));
    assert_eq!(figure.speaker.as_deref(), Some("Anna Berg"));
    let quote = found.iter().find(|c| c.kind == Kind::Quote).expect("the quote");
    assert_eq!(figure.in_quote, Some(quote.span));
}

#[test]
fn an_abbreviation_in_brackets_and_an_unnamed_witness() {
    let text = "Indonesia's National Disaster Management Agency (BNPB) said at least 38 people were killed. \"There was no warning at all,\" a survivor told local television.";
    assert_eq!(figure_speakers(text), [Some("National Disaster Management Agency".to_owned())]);
    assert_eq!(speaker_of(text, "There was no warning at all").as_deref(), Some("a survivor"));
}

#[test]
fn a_commissioner_by_surname_before_a_long_remit() {
    let text = "Commissioner Thyssen, responsible for Employment, Social Affairs, Skills and Labour Mobility, said: \"This support will help them.\" The Commission proposed €5.2 million to help 1,200 former Ford workers.";
    assert_eq!(speaker_of(text, "This support will help them.").as_deref(), Some("Thyssen"));
    assert_eq!(figure_speakers(text), [None, None]);
}

#[test]
fn job_titles_leave_the_name_and_a_bare_role_finds_its_holder() {
    let text = "Astronauts Doug Hurley and Bob Behnken docked on Sunday. \"It has been a real honor to fly,\" Hurley radioed. NASA Administrator Jim Bridenstine called it \"a new era in human spaceflight.\" Former U.N. Secretary-General Kofi Annan spoke. \"Africa can feed itself, and it will,\" the former U.N. chief said.";
    assert_eq!(speaker_of(text, "It has been a real honor to fly").as_deref(), Some("Doug Hurley"));
    assert_eq!(speaker_of(text, "a new era in human spaceflight.").as_deref(), Some("Jim Bridenstine"));
    // "chief" is any office's word: the former Secretary-General in view.
    assert_eq!(speaker_of(text, "Africa can feed itself, and it will").as_deref(), Some("Kofi Annan"));
}

#[test]
fn a_surname_takes_the_full_name_given_later_in_the_text() {
    let text = "President Juncker said: \"This is a historic day for Europe.\"\n\nBackground: Jean-Claude Juncker took office in 2014.";
    assert_eq!(
        speaker_of(text, "This is a historic day for Europe.").as_deref(),
        Some("Jean-Claude Juncker")
    );
}

#[test]
fn a_transcript_label_credits_its_paragraph_unless_the_line_credits_another() {
    let text = "Secretary of Defense Ash Carter briefed reporters.\n\nSECRETARY OF DEFENSE ASH CARTER: Thank you. As the president said, \"we will destroy them in the end.\" This budget is $582.7 billion.\n\nSEC. CARTER: \"We are investing in the future,\" and that matters.";
    assert_eq!(speaker_of(text, "we will destroy them in the end.").as_deref(), Some("the president"));
    assert_eq!(figure_speakers(text), [Some("Ash Carter".to_owned())]);
    assert_eq!(speaker_of(text, "We are investing in the future").as_deref(), Some("Ash Carter"));
}

#[test]
fn a_transcript_speaker_goes_on_until_the_next_label() {
    let text = "Remarks by the acting secretary\n\nACTING SECRETARY OF DEFENSE PATRICK SHANAHAN: Hi, everybody.\n\nThere is no 10,000 troops figure.\n\nQ: Are 5,000 troops going?\n\nSEC. SHANAHAN: No.\n\nWe have 2,000 there now.";
    let shanahan = Some("Patrick Shanahan".to_owned());
    assert_eq!(figure_speakers(text), [shanahan.clone(), None, shanahan]);
}

#[test]
fn a_label_on_its_own_line_with_an_affiliation_starts_a_speakers_turn() {
    let text = "A World of Refugees\n\nUnidentified Narrator:\n\nStories of 5,000 families.\n\nCAROLYN PRESUTTI, VOA Senior Washington Correspondent:\n\nMore than five million have fled.\n\nAgnieska Kosowicz, Polish Migration Forum:\n\nPoles host 2,000 refugees in their homes.";
    let presutti = Some("Carolyn Presutti".to_owned());
    let kosowicz = Some("Agnieska Kosowicz".to_owned());
    assert_eq!(figure_speakers(text), [None, presutti, kosowicz]);
}

#[test]
fn a_long_title_in_a_label_and_a_kicker_that_names_nobody() {
    let text = "Press Briefing by Secretary Esper\n\nSECRETARY OF DEFENSE DR. MARK T. ESPER: Good morning.\n\nWe are caring for nearly 200 evacuees.\n\nThe Guatemala connection\nVOA EXCLUSIVE: The U.S. sent 300 officers.";
    assert_eq!(figure_speakers(text), [Some("Mark T. Esper".to_owned()), None]);
}

#[test]
fn rule_a_sign_off_line_under_a_quotation_credits_it() {
    // As Government of Canada releases print them: each quotation signed on the line below.
    let text = "The Honourable Filomena Tassi announced today more than $6.7 million in funding.\n\n\
        \"Our government firmly believes that diversity is one of our greatest strengths.\"\n\n\
        —The Honourable Pablo Rodriguez, Minister of Canadian Heritage and Multiculturalism\n\n\
        \"Many Canadians still face barriers, based on their cultural background.\"\n\n\
        —The Honourable Filomena Tassi, Minister of Seniors, and Member of Parliament (Hamilton West)\n\n\
        \"I am proud of our support for these initiatives.\"\n\n– Bardish Chagger";
    let speakers: Vec<Option<String>> = credited(text).into_iter().map(|(_, s)| s).collect();
    let expected = ["Pablo Rodriguez", "Filomena Tassi", "Bardish Chagger"];
    assert_eq!(speakers, expected.map(|s| Some(s.to_owned())));
    // A dash before a sentence or a place signs nothing.
    assert_eq!(crate::attribution::sign_off("- The council voted on Monday."), None);
    assert_eq!(crate::attribution::sign_off("— Ottawa, Ontario"), None);
    assert_eq!(crate::attribution::sign_off("Jane Smith, Mayor"), None);
}

#[test]
fn rule_a_speaker_who_introduces_themself_in_the_quotation() {
    let text = "\"I'm Carol Pearson. Anyone with a sweet tooth knows the name,\" announces Talk to America's host. Mrs. Pearson says she was impressed.\n\n\"I've been inspired by him. You're doing it for you,\" she says.";
    let speakers: Vec<Option<String>> = credited(text).into_iter().map(|(_, s)| s).collect();
    assert_eq!(speakers, [Some("Carol Pearson".to_owned()), Some("Carol Pearson".to_owned())]);
    let text =
        "We met the host.\n\n\"My name is John Ruiz and I have lived here for thirty years,\" he told us.";
    assert_eq!(
        speaker_of(text, "My name is John Ruiz and I have lived here for thirty years").as_deref(),
        Some("John Ruiz")
    );
    let text =
        "\"This is Jane Doe reporting from the capital, where crowds gathered,\" the correspondent said.";
    assert_eq!(
        speaker_of(text, "This is Jane Doe reporting from the capital, where crowds gathered").as_deref(),
        Some("Jane Doe")
    );
    // Not a name that goes on into the sentence, nor one word.
    let text = "Maria Lopez spoke first.\n\n\"This is Mr Smith's fault and nobody else's,\" she said.";
    assert_eq!(
        speaker_of(text, "This is Mr Smith's fault and nobody else's").as_deref(),
        Some("Maria Lopez")
    );
    let text = "Maria Lopez spoke first.\n\n\"I am Spartacus, like everyone here,\" she said.";
    assert_eq!(speaker_of(text, "I am Spartacus, like everyone here").as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_quotation_alone_after_a_paragraph_about_someone_is_theirs() {
    let text = "Officials said the river rose two metres.\n\nAnna Keller has lived by the river for 40 years.\n\n\"This is the worst flood I have seen.\"";
    assert_eq!(speaker_of(text, "This is the worst flood I have seen.").as_deref(), Some("Anna Keller"));
}

#[test]
fn confidence_follows_the_rule_that_fired() {
    let text = "\"We will win this fight,\" Maria Lopez said. \"We always do.\" \"Nobody can say what comes next for us.\"";
    let found = extract(text).expect("valid");
    assert!(found[0].confidence > found[1].confidence, "{found:?}");
    assert!(found.iter().all(|c| (0.0..=1.0).contains(&c.confidence)));
}

#[test]
fn a_bare_dollar_counts_in_the_dollar_of_the_country_the_text_is_about() {
    let units = |text: &str| -> Vec<String> {
        let found = extract(text).expect("a valid text");
        found.into_iter().filter_map(|c| c.quantity).map(|q| q.unit).collect()
    };
    let australian = "Minister Watt visited farms in Queensland on Monday.\n\nAustralian farm exports will hit $65 billion, and the Government will spend US$5 million abroad.";
    assert_eq!(units(australian), ["AUD", "USD"]);
    let american = "The United States will spend $5 million in Australia, U.S. officials said.";
    assert_eq!(units(american), ["USD"]);
}
