namespace Sideman.Plugin;

/// <summary>An audio output bus as the host sees it.</summary>
public sealed record BusDeclaration(string Name, int ChannelCount, bool IsMain);
