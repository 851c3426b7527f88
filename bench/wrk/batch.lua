-- 100 decisions per request for one random user, on random files below random folders.
-- 512 requests are prepared when each wrk thread starts, so that wrk's own work per request stays small.
dofile(os.getenv("GATEHOUSE_BENCH_WORLD"))
local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
local prepared = {}
init = function(args)
  -- in init, not at load time: wrk sets the Host header only after loading the script
  for r = 1, 512 do
    local items = {}
    for i = 1, 100 do
      items[i] = '{"action":"read","path":"' .. paths[math.random(#paths)] .. '/f' .. i .. '"}'
    end
    local body = '{"user":"' .. users[math.random(#users)] .. '","requests":[' .. table.concat(items, ",") .. ']}'
    prepared[r] = wrk.format("POST", "/api/v1/storage/decisions/batch", headers, body)
  end
end
local n = 0
request = function()
  n = n % #prepared + 1
  return prepared[n]
end
