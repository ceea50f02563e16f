-- Chooses which of the instrument's output pairs feeds the master bus, and saves that as a new snapshot
-- (run by ardour7-lua, see ../run-band-e2e.sh). The session must have been built with --stems.
-- arg: 1 session dir, 2 snapshot to load, 3 snapshot to save, 4 pair (0 = Sideman's main mix, 1..5 = the
-- Drums, Bass, Keys, Pad and Arp stem buses). Prints E2E-WIRED <pair> <port names>.
local dir, snapshot, target, pair = arg[1], arg[2], arg[3], tonumber(arg[4])
assert(dir and snapshot and target and pair, "usage: wire.lua DIR SNAPSHOT NEW_SNAPSHOT PAIR")
local function fail(msg) error("E2E: " .. msg, 0) end

AudioEngine:set_backend("None (Dummy)", "", "")
if not load_session(dir, snapshot) then fail("could not load session " .. dir) end
local track
for r in Session:get_tracks():iter() do
	if r:name() == "Chords" then track = r end
end
if not track then fail("session has no track named Chords") end
local outputs = track:n_outputs():n_audio()
if outputs < 2 * pair + 2 then fail("the track has " .. outputs .. " audio outputs; pair " .. pair .. " needs " .. (2 * pair + 2)) end

local master = Session:master_out()
for c = 0, outputs - 1 do
	track:output():audio(c):disconnect_all()
end
for c = 0, 1 do
	local out, inp = track:output():audio(2 * pair + c), master:input():audio(c)
	out:connect(inp:name())
	if not out:connected_to(inp:name()) then fail("cannot connect " .. out:name() .. " to " .. inp:name()) end
end
Session:save_state(target, false, false, false, false, false)
print(string.format("E2E-WIRED %d %s %s", pair, track:output():audio(2 * pair):name(), track:output():audio(2 * pair + 1):name()))
