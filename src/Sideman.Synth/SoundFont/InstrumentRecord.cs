namespace Sideman.Synth.SoundFont;

/// <summary>An instrument header (inst) and its zones, as read from the file.</summary>
public sealed class InstrumentRecord
{
    public InstrumentRecord(string name, ZoneRecord[] zones)
    {
        Name = name;
        Zones = zones;
    }

    public string Name { get; }

    public ZoneRecord[] Zones { get; }

    public override string ToString() => Name;
}
