-- wrk script for bench/pages.sh: each request is the next of these typical site searches
-- (a condition, its short name, a symptom, a typo, lay words, a doctor's surname).
local paths = {
    "/search/?q=leukemia",
    "/search/?q=ALL",
    "/search/?q=bruising",
    "/search/?q=lukemia",
    "/search/?q=blood+cancer",
    "/search/?q=Nguyen",
}
local next_path = 0

request = function()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
end
