using Sideman.Engine.Band;
using Sideman.Engine.Parameters;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine;

// How each parameter reaches the component that uses it.
public sealed partial class SidemanEngine
{
    private readonly ParameterRole[] _roles;

    /// <summary>[audio] Pushes one parameter's value into the component that uses it, at the current sample.</summary>
    private void ApplyParameter(int index, double plain)
    {
        ParameterRole role = _roles[index];
        BandPart part = role.Part;
        switch (role.Kind)
        {
            case ParameterRoleKind.MasterVolume:
                _masterGain.SetTarget((float)DecibelScale.ToGain(plain));
                break;
            case ParameterRoleKind.SynthAttack:
                _monitor.SetAttack(plain);
                break;
            case ParameterRoleKind.SynthRelease:
                _monitor.SetRelease(plain);
                break;
            case ParameterRoleKind.Sustain:
                _monitor.SetSustainPedal(plain >= 0.5);
                break;
            case ParameterRoleKind.ModWheel:
                _monitor.SetModulation(plain);
                break;
            case ParameterRoleKind.PitchBend:
                _monitor.SetPitchBend(plain, PitchBendSemitones);
                break;
            case ParameterRoleKind.MonitorSound:
                _monitor.SetChoice((int)plain);
                break;
            case ParameterRoleKind.MonitorVolume:
                _monitor.SetVolume(plain);
                break;
            case ParameterRoleKind.Style:
                _band.SetStyle((int)plain);
                break;
            case ParameterRoleKind.PartPreset:
                _band.SetPreset(part, (int)plain);
                break;
            case ParameterRoleKind.PartVolume:
                _band.SetVolume(part, plain);
                break;
            case ParameterRoleKind.PartMute:
                _band.SetMute(part, plain >= 0.5);
                break;
            case ParameterRoleKind.PartPan:
                _band.SetPan(part, plain);
                break;
            case ParameterRoleKind.PartReverb:
                _band.SetReverbSend(part, plain);
                break;
            case ParameterRoleKind.PartChorus:
                _band.SetChorusSend(part, plain);
                break;
            case ParameterRoleKind.ReverbReturn:
                _band.Effects.ReverbReturn = (float)(plain / 100);
                break;
            case ParameterRoleKind.ReverbRoom:
                _band.Effects.RoomSize = (float)(plain / 100);
                break;
            case ParameterRoleKind.ChorusReturn:
                _band.Effects.ChorusReturn = (float)(plain / 100);
                break;
        }
    }
}

internal enum ParameterRoleKind : byte
{
    None,
    MasterVolume,
    SynthAttack,
    SynthRelease,
    Sustain,
    ModWheel,
    PitchBend,
    MonitorSound,
    MonitorVolume,
    Style,
    PartPreset,
    PartVolume,
    PartMute,
    PartPan,
    PartReverb,
    PartChorus,
    ReverbReturn,
    ReverbRoom,
    ChorusReturn,
    /// <summary>Read by the live band's performer each block (<see cref="Live.LiveSettings"/>).</summary>
    LiveBand,
    /// <summary>A momentary band action: each rise is handed to the performer (<see cref="Band.BandTriggers"/>).</summary>
    LiveBandTrigger,
}

/// <summary>What a parameter drives in the engine, and for which part (or which trigger bit).</summary>
internal readonly record struct ParameterRole(ParameterRoleKind Kind, BandPart Part, int Trigger = 0);

/// <summary>Maps every declared parameter to its role once, so the audio thread dispatches with one table lookup.</summary>
internal static class ParameterRoles
{
    public static ParameterRole[] Build(ParameterSet parameters)
    {
        var roles = new ParameterRole[parameters.Count];
        Set(roles, EngineParameters.MasterVolume, ParameterRoleKind.MasterVolume);
        Set(roles, EngineParameters.SynthAttack, ParameterRoleKind.SynthAttack);
        Set(roles, EngineParameters.SynthRelease, ParameterRoleKind.SynthRelease);
        Set(roles, EngineParameters.SustainPedal, ParameterRoleKind.Sustain);
        Set(roles, EngineParameters.ModWheel, ParameterRoleKind.ModWheel);
        Set(roles, EngineParameters.PitchBend, ParameterRoleKind.PitchBend);
        Set(roles, EngineParameters.MonitorSound, ParameterRoleKind.MonitorSound);
        Set(roles, EngineParameters.MonitorVolume, ParameterRoleKind.MonitorVolume);
        Set(roles, EngineParameters.Style, ParameterRoleKind.Style);
        Set(roles, EngineParameters.ReverbReturn, ParameterRoleKind.ReverbReturn);
        Set(roles, EngineParameters.ReverbRoom, ParameterRoleKind.ReverbRoom);
        Set(roles, EngineParameters.ChorusReturn, ParameterRoleKind.ChorusReturn);
        foreach (ParameterDefinition d in Live.LiveSettings.Parameters)
            Set(roles, d, ParameterRoleKind.LiveBand);
        roles[EngineParameters.Fill.Index] = new ParameterRole(ParameterRoleKind.LiveBandTrigger, default, BandTriggers.FillBit);
        for (int p = 0; p < BandSynth.PartCount; p++)
            roles[EngineParameters.PartRegenerates[p].Index] = new ParameterRole(ParameterRoleKind.LiveBandTrigger, (BandPart)p, BandTriggers.RegenerateBit((BandPart)p));
        for (int p = 0; p < BandSynth.PartCount; p++)
        {
            var part = (BandPart)p;
            Set(roles, EngineParameters.PartPresets[p], ParameterRoleKind.PartPreset, part);
            Set(roles, EngineParameters.PartVolumes[p], ParameterRoleKind.PartVolume, part);
            Set(roles, EngineParameters.PartMutes[p], ParameterRoleKind.PartMute, part);
            Set(roles, EngineParameters.PartPans[p], ParameterRoleKind.PartPan, part);
            Set(roles, EngineParameters.PartReverbSends[p], ParameterRoleKind.PartReverb, part);
            Set(roles, EngineParameters.PartChorusSends[p], ParameterRoleKind.PartChorus, part);
        }
        for (int i = 0; i < roles.Length; i++)
        {
            if (roles[i].Kind == ParameterRoleKind.None)
                throw new InvalidOperationException($"Parameter '{parameters[i].StringId}' has no role in the engine: nothing would read it.");
        }
        return roles;
    }

    private static void Set(ParameterRole[] roles, ParameterDefinition d, ParameterRoleKind kind, BandPart part = default) =>
        roles[d.Index] = new ParameterRole(kind, part);
}
