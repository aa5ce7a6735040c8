-- wrk script for bench/serve_load.sh: every request asks for the next path of the
-- list in PATHS_FILE (one site path a line), round and round.
local paths = {}
local next_path = 1

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    paths[#paths + 1] = line
  end
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests %d, non-2xx/3xx %d, socket errors %d\n",
    summary.requests, errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
