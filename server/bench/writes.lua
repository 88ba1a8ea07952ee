-- wrk script for server/bench/writes.sh: each request sets the status of the next claim listed in
-- $BENCH_IDS (claims without a verification, so the form's `seen` is 0) through the editors' form,
-- with the editor's session cookie and CSRF token. $BENCH_ID_OFFSET skips ids a previous run used.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do
  ids[#ids + 1] = line
end
local next_id = tonumber(os.getenv("BENCH_ID_OFFSET") or "0")
local csrf = os.getenv("BENCH_CSRF")
local statuses = { "true", "mostly_true", "misleading", "false", "unverifiable" }

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "claimtrack_session=" .. os.getenv("BENCH_SESSION")
wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")

request = function()
  next_id = next_id + 1
  if next_id > #ids then
    error("ran out of unverified claims: list more in BENCH_IDS")
  end
  local body = "csrf=" .. csrf .. "&seen=0&status=" .. statuses[next_id % #statuses + 1]
    .. "&verdict=Checked+by+the+write+benchmark&rationale=Compared+with+the+published+figures."
  return wrk.format(nil, "/claims/" .. ids[next_id] .. "/status", nil, body)
end
