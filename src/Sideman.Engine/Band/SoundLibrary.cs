using Sideman.Engine.Diagnostics;
using Sideman.Engine.State;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// Which SoundFont each part plays, decided off the audio thread: the bundled bank (loaded once per
/// process in the background) and the user's own file per part. Every change is published to the
/// engine as an immutable <see cref="PartBanks"/> with one reference exchange, so the audio thread
/// never waits or locks. A user file that is missing or damaged falls back to the bundled sound
/// with a message in <see cref="Status"/> and the log, and its path is kept (saved with the song),
/// so the choice comes back with the file. [main] (the lock only orders the main thread against
/// the background loader; the audio thread never takes it)
/// </summary>
public sealed class SoundLibrary
{
    private const int Parts = BandSynth.PartCount;

    private readonly object _gate = new();
    private readonly Action<PartBanks> _publish;
    private readonly SidemanLog _log;
    private readonly string?[] _paths = new string?[Parts];
    private readonly SoundFontBank?[] _userBanks = new SoundFontBank?[Parts];
    private readonly string?[] _userProblems = new string?[Parts];

    private SoundFontBank? _bundled;
    private string? _bundledPath;
    private string? _bundledProblem;
    private Task<SoundFontBank>? _bundledLoad;
    private StateBlob? _unreadableBlob;
    private SoundStatus _status;
    private int _serial;

    public SoundLibrary(Action<PartBanks> publish, SidemanLog? log = null)
    {
        _publish = publish;
        _log = log ?? SidemanLog.Shared;
        _status = BuildStatus();
    }

    /// <summary>What the user should know now (see <see cref="SoundStatus"/>).</summary>
    public SoundStatus Status
    {
        get
        {
            lock (_gate)
                return _status;
        }
    }

    /// <summary>The bundled bank, once loaded.</summary>
    public SoundFontBank? BundledBank
    {
        get
        {
            lock (_gate)
                return _bundled;
        }
    }

    /// <summary>Starts loading the bundled bank from <paramref name="path"/> in the background (shared per process).</summary>
    public void LoadBundled(string path)
    {
        Task<SoundFontBank> load;
        lock (_gate)
        {
            _bundledPath = path;
            _bundledProblem = null;
            _bundled = null;
            load = _bundledLoad = BundledBankCache.Load(path);
            Changed();
        }
        load.ContinueWith(_ => Complete(load), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Uses a bank already in memory as the bundled one (tests, tools).</summary>
    public void UseBundled(SoundFontBank bank)
    {
        lock (_gate)
        {
            _bundledLoad = null;
            _bundledPath = bank.SourceName;
            _bundledProblem = null;
            _bundled = bank;
            Changed();
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) for the bundled bank and publishes it. True when it
    /// is loaded; false when it failed, timed out or was never asked for (the status says which).
    /// </summary>
    public bool WaitForBundled(TimeSpan timeout)
    {
        Task<SoundFontBank>? load;
        lock (_gate)
            load = _bundledLoad;
        if (load is not null)
        {
            try
            {
                load.Wait(timeout);
            }
            catch (AggregateException)
            {
                // Complete reports it.
            }
            if (load.IsCompleted)
                Complete(load);
        }
        lock (_gate)
            return _bundled is not null;
    }

    /// <summary>The user's file for a part as saved (even when it could not be loaded), or null.</summary>
    public string? PartSoundFontPath(BandPart part)
    {
        lock (_gate)
            return _paths[(int)part];
    }

    /// <summary>True when the part plays the user's file right now.</summary>
    public bool PartUsesOwnSoundFont(BandPart part)
    {
        lock (_gate)
            return _userBanks[(int)part] is not null;
    }

    /// <summary>
    /// Sets (or with null/empty clears) the user's SoundFont for a part and loads it now. False with
    /// the reason when the file cannot be used: the bundled sound then plays, and the path is kept.
    /// </summary>
    public bool SetPartSoundFont(BandPart part, string? path, out string? problem)
    {
        if ((uint)part >= Parts)
            throw new ArgumentOutOfRangeException(nameof(part), part, "Not a band part.");
        lock (_gate)
        {
            Assign((int)part, string.IsNullOrWhiteSpace(path) ? null : path, reuseLoaded: false);
            Changed();
            problem = _userProblems[(int)part];
            return problem is null;
        }
    }

    /// <summary>Tries again the user files that failed (at activation: a file may be back).</summary>
    public void RetryFailedFiles()
    {
        lock (_gate)
        {
            bool any = false;
            for (int p = 0; p < Parts; p++)
            {
                if (_paths[p] is not null && _userBanks[p] is null && File.Exists(_paths[p]))
                {
                    Assign(p, _paths[p], reuseLoaded: false);
                    any = true;
                }
            }
            if (any)
                Changed();
        }
    }

    /// <summary>The state blob for the current choices (a newer, unreadable one is kept as it came).</summary>
    public StateBlob? CreateBlob()
    {
        lock (_gate)
        {
            if (_unreadableBlob is not null)
                return _unreadableBlob;
            return PartSoundFontBlob.Create(_paths);
        }
    }

    /// <summary>
    /// Takes the user SoundFonts from a loaded state's blobs: parts without an entry go back to the
    /// bundled sound; files already loaded for the same path are kept; the rest are loaded now.
    /// </summary>
    public void Restore(IReadOnlyList<StateBlob> blobs)
    {
        StateBlob? blob = null;
        foreach (StateBlob b in blobs)
        {
            if (b.Tag == PartSoundFontBlob.Tag)
                blob = b;
        }
        lock (_gate)
        {
            _unreadableBlob = null;
            string?[] paths = new string?[Parts];
            if (blob is not null && !PartSoundFontBlob.TryRead(blob.Data.Span, out paths, out string? problem))
            {
                // Keep what we cannot read, so saving the song again does not erase it.
                _unreadableBlob = blob;
                paths = new string?[Parts];
                _log.Warn("sounds", $"The song's user SoundFonts were not restored: {problem}. They are kept in the song unchanged.");
            }
            for (int p = 0; p < Parts; p++)
                Assign(p, paths[p], reuseLoaded: true);
            Changed();
        }
    }

    private void Complete(Task<SoundFontBank> load)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(load, _bundledLoad))
                return; // superseded, or already taken
            _bundledLoad = null;
            if (load.IsCompletedSuccessfully)
            {
                _bundled = load.Result;
                _log.Info("sounds", $"Bundled sounds loaded from {_bundledPath}: {_bundled.Presets.Count} presets.");
            }
            else
            {
                Exception? e = load.Exception?.GetBaseException();
                _bundledProblem = Describe(_bundledPath ?? "", e);
                _log.Error("sounds", $"The bundled sounds could not be loaded from '{_bundledPath}': {_bundledProblem}. The band's parts are silent.");
            }
            Changed();
        }
    }

    // Call under the lock.
    private void Assign(int part, string? path, bool reuseLoaded)
    {
        string? previous = _paths[part];
        _paths[part] = path;
        if (path is null)
        {
            _userBanks[part] = null;
            _userProblems[part] = null;
            return;
        }
        if (reuseLoaded && previous == path && _userBanks[part] is not null)
            return;
        _userBanks[part] = null;
        _userProblems[part] = null;
        SoundFontBank? shared = null;
        for (int q = 0; q < Parts && shared is null; q++)
        {
            if (q != part && _paths[q] == path && _userBanks[q] is not null && reuseLoaded)
                shared = _userBanks[q];
        }
        try
        {
            SoundFontBank bank = shared ?? SoundFontBank.Load(path);
            if (bank.Presets.Count == 0)
                throw new SoundFontFormatException(path, "phdr", 0, "it holds no presets, so there is nothing to play");
            _userBanks[part] = bank;
            _log.Info("sounds", $"{(BandPart)part} plays the user SoundFont '{path}' ({bank.Presets.Count} presets).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SoundFontFormatException or ArgumentException or NotSupportedException)
        {
            _userProblems[part] = Describe(path, e);
            _log.Warn("sounds", $"{(BandPart)part}: the user SoundFont '{path}' could not be loaded ({_userProblems[part]}); the bundled sound plays instead. The path is kept.");
        }
    }

    // Call under the lock: publish the banks and rebuild the status.
    private void Changed()
    {
        _publish(new PartBanks(_bundled, _userBanks));
        _status = BuildStatus();
    }

    private SoundStatus BuildStatus()
    {
        var messages = new List<string>();
        bool everyPartHasOwn = true;
        for (int p = 0; p < Parts; p++)
            everyPartHasOwn &= _userBanks[p] is not null;
        if (_bundled is null && !everyPartHasOwn)
        {
            if (_bundledLoad is not null)
                messages.Add("The band's sounds are still loading; the parts stay silent until they are ready.");
            else if (_bundledProblem is not null)
                messages.Add($"The bundled sounds could not be loaded from '{_bundledPath}' ({_bundledProblem}). The band's parts are silent "
                             + "and your own playing uses the built-in synth. Reinstall Sideman to restore them.");
            else
                messages.Add("No bundled sounds are loaded, so the band's parts are silent.");
        }
        for (int p = 0; p < Parts; p++)
        {
            if (_userProblems[p] is { } problem)
                messages.Add($"{(BandPart)p}: your SoundFont '{_paths[p]}' could not be loaded ({problem}). The bundled sound plays instead; "
                             + "the path stays saved with the song, so the file is used again once it is back.");
        }
        return new SoundStatus(++_serial, _bundled is not null || everyPartHasOwn, messages);
    }

    private static string Describe(string path, Exception? e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "the file does not exist",
        UnauthorizedAccessException => "permission denied",
        SoundFontFormatException f => $"damaged: chunk '{f.Chunk}' at byte {f.Offset}: {f.Problem}",
        null => "unknown error",
        _ => e.Message.Replace(path, "the file", StringComparison.Ordinal),
    };
}
