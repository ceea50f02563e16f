-- Builds the end-to-end session headlessly (run by ardour7-lua, see ../run-e2e.sh).
-- arg: 1 session dir (must not exist), 2 snapshot name, 3 plugin "lv2:NAME" or "vst3:NAME",
--      4 chord plan (chords.tsv), 5 where to write the note list with sample positions,
--      6 session end in ticks, 7.. optional "Parameter Label=value" (or "Label=max": the top of its
--      range) set on the plugin, and "--stems" (every instrument output on the track, see below).
-- Prints E2E-SESSION-OK only when every step worked; the caller judges by that line.

local RATE, BPM, PPQN = 48000, 120, 1920
local SAMPLES_PER_TICK = RATE * 60 / (BPM * PPQN)

local dir, snapshot, plugin_spec, plan_path, notes_out, end_ticks =
	arg[1], arg[2], arg[3], arg[4], arg[5], tonumber(arg[6])
assert(dir and snapshot and plugin_spec and plan_path and notes_out and end_ticks,
	"usage: build_session.lua DIR SNAPSHOT PLUGIN PLAN NOTES_OUT END_TICKS [Label=value...]")

local function fail(msg) error("E2E: " .. msg, 0) end

local function plugin_type(spec)
	local kind, name = spec:match("^(%w+):(.+)$")
	if kind == "lv2" then return ARDOUR.PluginType.LV2, name end
	if kind == "vst3" then return ARDOUR.PluginType.VST3, name end
	fail("plugin must be lv2:NAME or vst3:NAME, got '" .. spec .. "'")
end

local function read_plan(path)
	local notes = {}
	local f = io.open(path, "r") or fail("cannot read chord plan " .. path)
	for line in f:lines() do
		if not line:match("^%s*#") and line:match("%S") then
			local chord, pitch, start, len, vel = line:match("^(%S+)\t(%d+)\t(%d+)\t(%d+)\t(%d+)%s*$")
			if not chord then fail("bad line in " .. path .. ": " .. line) end
			notes[#notes + 1] = { chord = chord, pitch = tonumber(pitch), start = tonumber(start),
				len = tonumber(len), vel = tonumber(vel) }
		end
	end
	f:close()
	if #notes == 0 then fail("no notes in " .. path) end
	return notes
end

local function beats(ticks) return Temporal.Beats(ticks // PPQN, ticks % PPQN) end

-- Finds an input control parameter by its label; returns the control index Ardour's Lua API uses.
local function find_param(proc, label)
	local plug = proc:to_insert():plugin(0)
	local n = 0
	for j = 0, plug:parameter_count() - 1 do
		if plug:parameter_is_control(j) then
			if plug:parameter_is_input(j) and plug:parameter_label(j) == label then return n end
			n = n + 1
		end
	end
	fail("plugin has no input parameter labelled '" .. label .. "'")
end

AudioEngine:set_backend("None (Dummy)", "", "")
if not create_session(dir, snapshot, RATE) then fail("could not create session " .. dir) end

local tm = Temporal.TempoMap.read()
local bpm = tm:tempo_at(Temporal.timepos_t(0)):note_types_per_minute()
if math.abs(bpm - BPM) > 1e-9 then fail("expected a new session at " .. BPM .. " BPM, got " .. bpm) end

local ptype, pname = plugin_type(plugin_spec)
local info = ARDOUR.LuaAPI.new_plugin_info(pname, ptype)
if info:isnil() then fail("Ardour does not know plugin " .. plugin_spec .. " (not scanned?)") end

-- "--stems" among the settings: the track takes every output the instrument has (strict I/O off), so
-- each of Sideman's stem buses gets its own pair of track outputs (wire.lua picks which feeds the master).
local stems = false
for i = 7, #arg do
	if arg[i] == "--stems" then stems = true end
end

-- MIDI x1 in and out, as the GUI does; the instrument adds the audio outputs.
local midi1 = ARDOUR.ChanCount(ARDOUR.DataType("midi"), 1)
local tracks = Session:new_midi_track(midi1, midi1, not stems, info, nil, nil, 1, "Chords",
	ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true, true)
if tracks:size() ~= 1 then fail("could not create the MIDI track") end
local track = tracks:front()
local inst = track:nth_plugin(0)
if inst:isnil() then fail("the track has no instrument") end
print("E2E: instrument " .. inst:name() .. ", track outputs: " .. track:n_outputs():n_audio() .. " audio")
if track:n_outputs():n_audio() < 2 then fail("the instrument gives the track fewer than 2 audio outputs") end

-- Auto-connect is asynchronous: connect to the master bus explicitly.
local master = Session:master_out()
for c = 0, 1 do
	local out, inp = track:output():audio(c), master:input():audio(c)
	if not out:connected_to(inp:name()) then out:connect(inp:name()) end
	if not out:connected_to(inp:name()) then fail("cannot connect " .. out:name() .. " to " .. inp:name()) end
end

for i = 7, #arg do
	if arg[i] ~= "--stems" then
	local label, value = arg[i]:match("^(.-)=([-%d.eE+]+)$")
	if not label then label, value = arg[i]:match("^(.-)=(max)$") end
	if not label then fail("parameter setting must be Label=number or Label=max, got '" .. arg[i] .. "'") end
	local idx = find_param(inst, label)
	if value == "max" then -- the top of the range: the last item of a list ("Off" for Monitor Sound)
		local _, _, pd = ARDOUR.LuaAPI.plugin_automation(inst, idx)
		value = pd.upper
	end
	ARDOUR.LuaAPI.set_processor_param(inst, idx, tonumber(value))
	print(string.format("E2E: set %s = %s (reads back %g)", label, value, ARDOUR.LuaAPI.get_processor_param(inst, idx, true)))
	end
end
if stems then
	-- With more than two outputs Ardour pans each channel across all of them (VBAP); a stem must come out as is.
	track:panner_shell():set_bypassed(true)
	local n = track:n_outputs():n_audio()
	print("E2E: stems: the track has " .. n .. " audio outputs")
	if n < 12 then fail("with strict I/O off the track has " .. n .. " audio outputs, not the instrument's 12 (main + 5 stems)") end
end

-- No Lua call makes an empty MIDI region; bouncing the empty track up to the instrument gives one.
local end_samples = math.floor(end_ticks * SAMPLES_PER_TICK)
local region = track:bounce_range(0, end_samples, ARDOUR.InterThreadInfo(), inst, false, "chords")
if region:isnil() or region:to_midiregion():isnil() then fail("bounce_range gave no MIDI region") end

local plan = read_plan(plan_path)
local model = region:to_midiregion():midi_source(0):model()
local cmd = model:new_note_diff_command("add chords")
local out = io.open(notes_out, "w") or fail("cannot write " .. notes_out)
out:write("chord\tpitch\tstart_sample\tend_sample\tvelocity\n")
for _, n in ipairs(plan) do
	if n.start + n.len > end_ticks then fail("note " .. n.pitch .. " of " .. n.chord .. " ends after the session") end
	-- Cross-check our tick->sample arithmetic against Ardour's tempo map on whole samples.
	local s = n.start * SAMPLES_PER_TICK
	if s == math.floor(s) and tm:quarters_at(Temporal.timepos_t(s)):str() ~= beats(n.start):str() then
		fail("tempo map disagrees: sample " .. s .. " is " .. tm:quarters_at(Temporal.timepos_t(s)):str())
	end
	cmd:add(ARDOUR.LuaAPI.new_noteptr(0, beats(n.start), beats(n.len), n.pitch, n.vel))
	out:write(string.format("%s\t%d\t%.1f\t%.1f\t%d\n", n.chord, n.pitch, s, (n.start + n.len) * SAMPLES_PER_TICK, n.vel))
end
out:close()
model:apply_command(Session, cmd)

local count = 0
for _ in ARDOUR.LuaAPI.note_list(model):iter() do count = count + 1 end
if count ~= #plan then fail("region holds " .. count .. " notes, expected " .. #plan) end

-- The session range is only set when the region is added inside this (untranslated) operation.
local playlist = track:playlist()
Session:begin_reversible_command("insert region")
playlist:to_stateful():clear_changes()
playlist:add_region(region, Temporal.timepos_t(0), 1, false, 0, 0, false)
Session:add_stateful_diff_command(playlist:to_statefuldestructible())
Session:commit_reversible_command(nil)

local range = Session:locations():session_range_location()
if not range then fail("no session range after inserting the region") end
range:set_end(Temporal.timepos_t(end_samples), true)
if range:start():samples() ~= 0 or range:_end():samples() ~= end_samples then
	fail("session range is " .. range:start():samples() .. ".." .. range:_end():samples() .. ", wanted 0.." .. end_samples)
end

-- The processor learns of parameter changes in its next process() calls, and Ardour saves (and restores) the
-- plugin's own state: let cycles run before saving, or the settings above are lost on reload.
if #arg >= 7 and not ARDOUR.LuaAPI.wait_for_process_callback(4, 2000) then fail("the engine ran no process cycle in 2 s") end
Session:save_state("", false, false, false, false, false)
print(string.format("E2E-SESSION-OK notes=%d range=0..%d", count, end_samples))
