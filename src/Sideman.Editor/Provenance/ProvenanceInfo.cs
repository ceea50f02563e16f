namespace Sideman.Editor.Provenance;

/// <summary>One training source as the model card lists it: its name, the licences of its files and its share of the tokens.</summary>
public sealed record ProvenanceSource(string Name, string Licences, string Share);

/// <summary>
/// What the "where the music comes from" panel shows, read from the model card and the attribution list in the
/// bundle. Fields the files do not give are "" (or -1); <see cref="Problems"/> says why, in words for the user.
/// </summary>
public sealed record ProvenanceInfo(
    string ModelName,
    string WeightsLicence,
    string ProjectAuthoredShare,
    IReadOnlyList<ProvenanceSource> Sources,
    string AttributionPath,
    int AttributionEntries,
    IReadOnlyList<string> Problems)
{
    public bool IsComplete => Problems.Count == 0;
}
