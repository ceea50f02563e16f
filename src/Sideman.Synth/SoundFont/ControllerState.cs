namespace Sideman.Synth.SoundFont;

/// <summary>
/// The MIDI controller state of one part (one channel): CCs, pitch bend and its range (RPN 0),
/// pressure. Modulators read it. Preallocated; every method is allocation-free.
/// </summary>
public sealed class ControllerState
{
    public const int BankSelectMsb = 0, ModulationWheel = 1, DataEntryMsb = 6, Volume = 7, Pan = 10,
        Expression = 11, BankSelectLsb = 32, DataEntryLsb = 38, Sustain = 64, ReverbDepth = 91,
        ChorusDepth = 93, NrpnLsb = 98, NrpnMsb = 99, RpnLsb = 100, RpnMsb = 101,
        AllSoundOff = 120, ResetAllControllers = 121, AllNotesOff = 123;

    private readonly byte[] _cc = new byte[128];
    private readonly byte[] _polyPressure = new byte[128];

    public ControllerState() => Reset();

    /// <summary>14-bit pitch bend, 8192 = centre. [audio]</summary>
    public int PitchBend { get; private set; }

    /// <summary>Pitch bend range in cents (RPN 0), 200 by default. [audio]</summary>
    public int PitchBendRangeCents { get; private set; }

    public int ChannelPressure { get; private set; }

    public bool SustainPedal => _cc[Sustain] >= 64;

    /// <summary>A controller's 7-bit value. [audio]</summary>
    public int Controller(int number) => (uint)number < 128 ? _cc[number] : 0;

    public int PolyPressure(int key) => (uint)key < 128 ? _polyPressure[key] : 0;

    /// <summary>Sets a controller and follows RPN 0 (pitch bend range) through data entry. [audio]</summary>
    public void SetController(int number, int value)
    {
        if ((uint)number >= 128) return;
        value = Math.Clamp(value, 0, 127);
        _cc[number] = (byte)value;
        switch (number)
        {
            case NrpnLsb:
            case NrpnMsb:
                // An NRPN deselects the RPN so data entry no longer changes the bend range.
                _cc[RpnLsb] = 127;
                _cc[RpnMsb] = 127;
                break;
            case DataEntryMsb:
            case DataEntryLsb:
                if (_cc[RpnMsb] == 0 && _cc[RpnLsb] == 0)
                    PitchBendRangeCents = _cc[DataEntryMsb] * 100 + Math.Min((int)_cc[DataEntryLsb], 99);
                break;
        }
    }

    public void SetPitchBend(int value14) => PitchBend = Math.Clamp(value14, 0, 16383);

    public void SetChannelPressure(int value) => ChannelPressure = Math.Clamp(value, 0, 127);

    public void SetPolyPressure(int key, int value)
    {
        if ((uint)key < 128) _polyPressure[key] = (byte)Math.Clamp(value, 0, 127);
    }

    /// <summary>GM "reset all controllers": keeps volume, pan, effect depths and bank. [audio]</summary>
    public void ResetControllers()
    {
        byte volume = _cc[Volume], pan = _cc[Pan], reverb = _cc[ReverbDepth], chorus = _cc[ChorusDepth];
        byte bankMsb = _cc[BankSelectMsb], bankLsb = _cc[BankSelectLsb];
        Array.Clear(_cc);
        Array.Clear(_polyPressure);
        _cc[Volume] = volume;
        _cc[Pan] = pan;
        _cc[ReverbDepth] = reverb;
        _cc[ChorusDepth] = chorus;
        _cc[BankSelectMsb] = bankMsb;
        _cc[BankSelectLsb] = bankLsb;
        _cc[Expression] = 127;
        _cc[RpnLsb] = 127;
        _cc[RpnMsb] = 127;
        _cc[NrpnLsb] = 127;
        _cc[NrpnMsb] = 127;
        PitchBend = 8192;
        ChannelPressure = 0;
    }

    /// <summary>Power-on state: volume 100, pan centre, expression full, bend range 2 semitones. [any]</summary>
    public void Reset()
    {
        Array.Clear(_cc);
        Array.Clear(_polyPressure);
        _cc[Volume] = 100;
        _cc[Pan] = 64;
        _cc[Expression] = 127;
        _cc[RpnLsb] = 127;
        _cc[RpnMsb] = 127;
        _cc[NrpnLsb] = 127;
        _cc[NrpnMsb] = 127;
        PitchBend = 8192;
        PitchBendRangeCents = 200;
        ChannelPressure = 0;
    }
}
