-- The persistence check's two halves (run by ardour7-lua, see ../run-e2e.sh).
-- arg: 1 session dir, 2 snapshot, 3 "set" or "get", 4 plugin name on track "Chords",
--      5 parameter label, 6 (set) value or "auto" (a value well away from the current one),
--      7 (set, optional) "lv2:URI" or "vst3:NAME" to add the plugin first when the track lacks it.
-- "set" changes the parameter, saves and prints E2E-PERSIST-SET <value>;
-- "get" loads the session fresh and prints E2E-PERSIST-GET <value>.
-- Ardour restores the plugin's own state blob after the saved parameter values, so a value
-- that the plugin's state does not capture comes back wrong here.

local dir, snapshot, mode, plugin_name, label, value, add_spec = arg[1], arg[2], arg[3], arg[4], arg[5], arg[6], arg[7]
assert(dir and snapshot and (mode == "set" or mode == "get") and plugin_name and label,
	"usage: persist.lua DIR SNAPSHOT set|get PLUGIN LABEL [VALUE|auto] [lv2:URI|vst3:NAME]")

local function fail(msg) error("E2E: " .. msg, 0) end

local function find_track(name)
	for r in Session:get_tracks():iter() do
		if r:name() == name then return r end
	end
	fail("session has no track named " .. name)
end

local function find_plugin(track, name)
	local i = 0
	while true do
		local p = track:nth_plugin(i)
		if p:isnil() then return nil end
		if p:name() == name then return p end
		i = i + 1
	end
end

-- Returns the control index the Lua API uses and the parameter's descriptor.
local function find_param(proc, wanted)
	local plug = proc:to_insert():plugin(0)
	local n, labels = 0, {}
	for j = 0, plug:parameter_count() - 1 do
		if plug:parameter_is_control(j) then
			if plug:parameter_is_input(j) then
				local l = plug:parameter_label(j)
				labels[#labels + 1] = l
				if l == wanted then
					local _, _, pd = ARDOUR.LuaAPI.plugin_automation(proc, n)
					return n, pd
				end
			end
			n = n + 1
		end
	end
	fail("plugin " .. proc:name() .. " has no input parameter '" .. wanted .. "'; it has: " .. table.concat(labels, ", "))
end

AudioEngine:set_backend("None (Dummy)", "", "")
if not load_session(dir, snapshot) then fail("could not load session " .. dir) end
local track = find_track("Chords")
local proc = find_plugin(track, plugin_name)

if mode == "set" and not proc and add_spec then
	local kind, id = add_spec:match("^(%w+):(.+)$")
	local ptype = (kind == "lv2" and ARDOUR.PluginType.LV2) or (kind == "vst3" and ARDOUR.PluginType.VST3)
	if not ptype then fail("add plugin must be lv2:URI or vst3:NAME, got " .. add_spec) end
	local p = ARDOUR.LuaAPI.new_plugin(Session, id, ptype, "")
	if p:isnil() then fail("cannot create plugin " .. add_spec) end
	track:add_processor_by_index(p, -1, nil, true)
	proc = find_plugin(track, plugin_name)
end
if not proc then fail("track Chords has no plugin named " .. plugin_name) end

local idx, pd = find_param(proc, label)
local current = ARDOUR.LuaAPI.get_processor_param(proc, idx, true)

if mode == "get" then
	print(string.format("E2E-PERSIST-GET %.9g", current))
	return
end

local target
if value == nil or value == "auto" then
	-- A gain in dB may reach down to -inf: use the top 60 units of such a range.
	local lower, upper = pd.lower, pd.upper
	if lower == -math.huge then lower = upper - 60 end
	if upper == math.huge then upper = lower + 60 end
	-- 37% of the way up, or 71% if that is where it already is: never the current value.
	target = lower + 0.37 * (upper - lower)
	if math.abs(target - current) < 0.05 * (upper - lower) then target = lower + 0.71 * (upper - lower) end
else
	target = tonumber(value) or fail("value must be a number or auto, got " .. value)
end
ARDOUR.LuaAPI.set_processor_param(proc, idx, target)
local now = ARDOUR.LuaAPI.get_processor_param(proc, idx, true)
print(string.format("E2E: %s '%s' range %g..%g: %g -> %g (asked for %g)", plugin_name, label, pd.lower, pd.upper, current, now, target))
if now ~= now or math.abs(now - current) < 1e-6 * math.max(1, math.abs(current)) then
	fail(string.format("setting '%s' to %g left it at %g: the check would prove nothing", label, target, now))
end
print(string.format("E2E-PERSIST-OLD %.9g", current))
-- A VST3 host hands parameter changes to the processor in its next process() call; saving before
-- that stores the processor's old value (see the report in README.md). Let cycles run first, as
-- they would in a DAW between a knob turn and a save.
if not ARDOUR.LuaAPI.wait_for_process_callback(4, 2000) then fail("the engine ran no process cycle in 2 s") end
Session:save_state("", false, false, false, false, false)
print(string.format("E2E-PERSIST-SET %.9g", now))
