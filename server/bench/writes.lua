-- wrk script for server/bench/writes.sh: each thread (one connection each) publishes rulings on
-- fact-checks of its own, one after another, through the editors' forms, as an editor on a one-person desk
-- (`--sign-offs 0`) does: it opens the ruling form (GET) for its basis, takes the claim back when a
-- publication left it unassigned (POST assign), and proposes a correction or clarification (POST),
-- which is published at once. Session cookie, CSRF token and Origin as a browser sends them.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

local ratings = { "true", "mostly_true", "misleading", "false", "unverifiable" }
-- Fact-checks each thread takes turns on, as an editor goes from claim to claim.
local per_thread = 50
local claims, claim, csrf = {}, nil, nil
local phase, basis, seen, n = "form", "", "", 0

function init(args)
  local ids = {}
  for line in io.lines(os.getenv("BENCH_IDS")) do
    ids[#ids + 1] = line
  end
  for i = 1, per_thread do
    claims[i] = ids[(tid - 1) * per_thread + i]
    if claims[i] == nil then
      error("not enough fact-checks for the threads: list more in BENCH_IDS")
    end
  end
  claim = claims[1]
  csrf = os.getenv("BENCH_CSRF")
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "claimtrack_session=" .. os.getenv("BENCH_SESSION")
  wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
end

function request()
  if phase == "form" then
    return wrk.format("GET", "/claims/" .. claim .. "/ruling")
  elseif phase == "take" then
    return wrk.format("POST", "/claims/" .. claim .. "/desk/assign", nil,
      "csrf=" .. csrf .. "&seen=" .. seen .. "&assignee=bench-editor")
  end
  n = n + 1
  local body = "csrf=" .. csrf .. "&basis=" .. basis .. "&rating=" .. ratings[n % #ratings + 1]
    .. "&attribution=verified&verdict=Checked+by+the+write+benchmark&body=Compared+with+the+published+figures."
    .. "&note=The+figures+were+revised.&evidence_url=https%3A%2F%2Fdata.example%2Ftable&evidence_title=Table+3"
  return wrk.format("POST", "/claims/" .. claim .. "/ruling", nil, body)
end

function response(status, headers, body)
  if phase == "form" then
    if body:find('name="rating"', 1, true) then
      basis = body:match('name="basis" value="([^"]*)"') or ""
      phase = "propose"
    else
      seen = body:match('name="seen" value="([^"]*)"') or ""
      phase = "take"
    end
  elseif phase == "take" then
    phase = "form"
  else
    -- Published: on to the next claim.
    phase = "form"
    claim = claims[n % per_thread + 1]
  end
end
