-- wrk script for bench/cluster.py: the pages in CLUSTER_PATHS in turn; with CLUSTER_FRESH=1 every
-- other request is a site search nobody made before (it reaches an app server and its database);
-- with CLUSTER_FLOOD=<path> every request is that path with a random query string (a cache-busting flood).
local paths = {}
for path in string.gmatch(os.getenv("CLUSTER_PATHS") or "/", "[^ ]+") do
    table.insert(paths, path)
end
local fresh = os.getenv("CLUSTER_FRESH") == "1"
local flood = os.getenv("CLUSTER_FLOOD") or ""
local counter = 0

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
end

function init(args)
    math.randomseed(os.time() * 1000 + id)
    n = 0
end

function request()
    n = n + 1
    if flood ~= "" then
        return wrk.format("GET", flood .. "?r=" .. math.random(1, 1000000000))
    end
    if fresh and n % 2 == 0 then
        return wrk.format("GET", "/search/?q=leukemia+" .. math.random(1, 1000000000))
    end
    return wrk.format("GET", paths[(n % #paths) + 1])
end
