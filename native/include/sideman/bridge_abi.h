/*
 * The flat C ABI between the native VST3 bridge (native/) and the managed plugin
 * (src/Sideman.Plugin/Interop/BridgeAbi.cs mirrors every declaration here).
 *
 * Rules:
 *  - Every struct is blittable, natural alignment, no bit fields, no bool.
 *  - Sizes are pinned by static asserts on both sides; change SM_ABI_VERSION with any change.
 *  - No VST3 type crosses this line: the bridge translates VST3 into these structs.
 *  - Every managed function catches its own exceptions and returns a status code.
 *  - Strings are UTF-16 (uint16_t) and NUL-terminated, like VST3's String128.
 *
 * Threads (as in the CLAP habit, written on each function):
 *  [any]    callable from any thread, pure
 *  [main]   host main/UI thread
 *  [audio]  the host's process callback: never allocates, locks or waits
 *           (except in offline mode, where waiting for the generator is correct)
 */
#ifndef SIDEMAN_BRIDGE_ABI_H
#define SIDEMAN_BRIDGE_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SM_ABI_VERSION 4u

/* Status codes returned by managed functions. */
enum {
    SM_OK = 0,
    SM_FALSE = 1,            /* well-formed request, answer is "no" */
    SM_INVALID_ARGUMENT = 2, /* bad index, id, size or pointer */
    SM_ERROR = 3             /* failure; the managed side has logged the reason */
};

typedef void* SmHandle; /* opaque managed instance (a GCHandle) */

/* ---------------------------------------------------------------- description */

enum { SM_STRING_CAPACITY = 128, SM_ID_CAPACITY = 64, SM_MAX_BUSES = 16, SM_STATUS_CAPACITY = 4096 };

enum {
    SM_BUS_MAIN = 0, /* the main output: active by default */
    SM_BUS_AUX = 1   /* auxiliary output: inactive until the host activates it */
};

typedef struct SmBusInfo {
    int32_t channelCount;               /* 2 = stereo */
    int32_t kind;                       /* SM_BUS_MAIN or SM_BUS_AUX */
    uint16_t name[SM_STRING_CAPACITY];
} SmBusInfo; /* 264 bytes */

typedef struct SmPluginDesc {
    int32_t audioOutputBusCount;        /* <= SM_MAX_BUSES */
    int32_t audioInputBusCount;         /* 0 for Sideman */
    int32_t eventInputBusCount;         /* 1 */
    int32_t eventOutputBusCount;        /* 1 */
    int32_t supportsDoublePrecision;    /* 1 if 64-bit float processing is supported */
    int32_t latencySamples;
    int32_t tailSamples;                /* release tail; -1 means infinite */
    int32_t reserved;
    SmBusInfo audioOutputs[SM_MAX_BUSES];
    uint16_t eventInputName[SM_STRING_CAPACITY];
    uint16_t eventOutputName[SM_STRING_CAPACITY];
} SmPluginDesc;

enum {
    SM_PARAM_CAN_AUTOMATE = 1,
    SM_PARAM_READ_ONLY = 2,
    SM_PARAM_IS_LIST = 4,       /* stepped, with a name per step */
    SM_PARAM_IS_HIDDEN = 8,     /* e.g. MIDI controller targets */
    SM_PARAM_IS_BYPASS = 16
};

/* Where the host's MIDI controllers land (IMidiMapping). */
enum {
    SM_MIDI_CHANNEL_PRESSURE = 128,
    SM_MIDI_PITCH_BEND = 129
};

typedef struct SmParamInfo {
    uint32_t id;                        /* VST3 ParamID: 31-bit hash of stringId */
    int32_t stepCount;                  /* 0 = continuous */
    double defaultNormalized;
    int32_t flags;                      /* SM_PARAM_* */
    int32_t midiController;             /* -1, or 0..127 CC / SM_MIDI_* this parameter receives */
    uint16_t title[SM_STRING_CAPACITY];
    uint16_t shortTitle[SM_STRING_CAPACITY];
    uint16_t units[SM_STRING_CAPACITY];
    char stringId[SM_ID_CAPACITY];      /* stable id, ASCII */
} SmParamInfo; /* 856 bytes */

/* ---------------------------------------------------------------- processing */

enum { SM_SAMPLE_32 = 0, SM_SAMPLE_64 = 1 };
enum { SM_MODE_REALTIME = 0, SM_MODE_PREFETCH = 1, SM_MODE_OFFLINE = 2 };

typedef struct SmSetup {
    double sampleRate;
    int32_t maxBlockSize;
    int32_t sampleSize;                 /* SM_SAMPLE_32 / SM_SAMPLE_64 */
    int32_t processMode;                /* SM_MODE_* */
    int32_t reserved;
} SmSetup; /* 24 bytes */

/* Transport flags: our own bits, mapped from VST3 ProcessContext by the bridge. */
enum {
    SM_TRANSPORT_PLAYING = 1 << 0,
    SM_TRANSPORT_RECORDING = 1 << 1,
    SM_TRANSPORT_CYCLE_ACTIVE = 1 << 2,
    SM_TRANSPORT_TEMPO_VALID = 1 << 3,
    SM_TRANSPORT_TIME_SIG_VALID = 1 << 4,
    SM_TRANSPORT_PROJECT_TIME_MUSIC_VALID = 1 << 5,
    SM_TRANSPORT_BAR_POSITION_VALID = 1 << 6,
    SM_TRANSPORT_CYCLE_VALID = 1 << 7,
    SM_TRANSPORT_CONTINUOUS_TIME_VALID = 1 << 8,
    SM_TRANSPORT_PRESENT = 1 << 31      /* the host supplied a ProcessContext at all */
};

typedef struct SmTransport {
    uint32_t flags;
    int32_t timeSigNumerator;
    int32_t timeSigDenominator;
    int32_t reserved;
    double sampleRate;
    double tempo;                       /* quarter notes per minute */
    double projectTimeMusic;            /* in quarter notes, at the block's first sample */
    double barPositionMusic;            /* quarter notes at the start of the bar that holds the block start */
    double cycleStartMusic;
    double cycleEndMusic;
    int64_t projectTimeSamples;
    int64_t continuousTimeSamples;
} SmTransport; /* 80 bytes */

enum {
    SM_EVENT_NOTE_ON = 1,
    SM_EVENT_NOTE_OFF = 2,
    SM_EVENT_POLY_PRESSURE = 3,
    SM_EVENT_CONTROLLER = 4             /* output only: key = CC number or SM_MIDI_*, value 0..1 */
};

typedef struct SmEvent {
    int32_t sampleOffset;               /* 0 .. numSamples-1 */
    int16_t kind;                       /* SM_EVENT_* */
    int16_t channel;                    /* 0..15 */
    int16_t key;                        /* MIDI pitch, or controller number */
    int16_t busIndex;                   /* event bus */
    float value;                        /* velocity / pressure / controller value, 0..1 */
    float tuning;                       /* cents */
    int32_t noteId;                     /* -1 if the host gave none */
    int32_t length;                     /* note-on length in samples, 0 if unknown */
    int32_t reserved;
} SmEvent; /* 32 bytes */

typedef struct SmParamPoint {
    uint32_t id;
    int32_t sampleOffset;
    double normalized;
} SmParamPoint; /* 16 bytes */

typedef struct SmAudioBus {
    int32_t channelCount;
    int32_t active;                     /* set by the host through activateBus */
    void** channels;                    /* float** or double** (SmProcessBlock.sampleSize) */
    uint64_t silenceFlags;              /* written by managed: bit c = channel c is silent */
} SmAudioBus; /* 24 bytes */

typedef struct SmProcessBlock {
    int32_t numSamples;                 /* 0 = parameter flush only */
    int32_t sampleSize;
    int32_t processMode;
    int32_t outputBusCount;
    SmAudioBus* outputs;                /* outputBusCount entries, in declaration order */
    const SmEvent* events;              /* sorted by sampleOffset (stable) */
    int32_t eventCount;
    int32_t paramPointCount;
    const SmParamPoint* paramPoints;    /* sorted by sampleOffset (stable) */
    SmEvent* outEvents;                 /* filled by managed, sorted by sampleOffset */
    int32_t outEventCapacity;
    int32_t outEventCount;              /* written by managed */
    SmTransport transport;
} SmProcessBlock; /* 144 bytes */

/* ---------------------------------------------------------------- the editor (ABI 4)

   The editor lives with the controller, the engine with the processor, and the two share only messages:
   each frame the controller asks the processor what the band is doing (message Sideman.EditorFrame,
   answered by processorEditorFrame into an SmEditorFrame) and hands that to the editor (editorSetFrame).
   The editor draws into a buffer the bridge owns and shows (XPutImage, StretchDIBits); what the user
   changes comes back through SmEditorHost: parameter gestures for the host, and the processor messages. */

enum {
    SM_EDITOR_PARTS = 5,          /* Drums, Bass, Keys, Pad, Arp */
    SM_EDITOR_NEXT_CHORDS = 8,
    SM_EDITOR_ROLL_NOTES = 384,   /* per part: the bar playing and the bars written ahead */
    SM_EDITOR_SOUND_NAME = 64
};

typedef struct SmChord {
    int16_t root;                       /* pitch class 0..11; -1: no chord (N.C.) */
    int16_t quality;                    /* Sideman.Music ChordQuality */
    int16_t bassInterval;               /* 0..11 above the root */
    int16_t reserved;
} SmChord; /* 8 bytes */

typedef struct SmRollNote {
    int32_t bar;                        /* song bar, from 0 */
    float startBeat;                    /* beats from that bar's start */
    float lengthBeats;
    uint8_t pitch;                      /* MIDI pitch (drums: the GM drum key) */
    uint8_t velocity;
    uint16_t reserved;
} SmRollNote; /* 16 bytes */

typedef struct SmEditorFrame {
    int32_t playing;                    /* the host's transport runs and the band follows it */
    int32_t beatsPerBar;
    int64_t playheadBar;
    double playheadBeat;                /* 0 <= beat < beatsPerBar */
    SmChord chordNow;
    int32_t nextChordCount;             /* <= SM_EDITOR_NEXT_CHORDS; 0 when following the player */
    int32_t reserved;
    SmChord nextChords[SM_EDITOR_NEXT_CHORDS];
    int64_t guardBarsChecked;           /* the originality guard since this instance was made */
    int64_t guardCopiesRejected;
    int64_t chartRevision;              /* changes whenever the chart text changes */
    int32_t noteCounts[SM_EDITOR_PARTS];
    int32_t reserved2;
    SmRollNote notes[SM_EDITOR_PARTS][SM_EDITOR_ROLL_NOTES];
    uint16_t soundNames[SM_EDITOR_PARTS][SM_EDITOR_SOUND_NAME]; /* what each part plays, in words */
    uint16_t status[SM_STATUS_CAPACITY]; /* the messages for the user, one per line ("" when all is well) */
} SmEditorFrame; /* 39704 bytes */

enum { SM_EDITOR_BGRA = 0, SM_EDITOR_RGBA = 1 };

enum {
    SM_POINTER_DOWN = 0,
    SM_POINTER_DRAG = 1,                /* moved with the button held */
    SM_POINTER_UP = 2,
    SM_POINTER_WHEEL = 3                /* steps: positive up */
};

/* The keys the editor acts on (Sideman.Editor EditorKey); SM_KEY_CHARACTER carries the typed character. */
enum {
    SM_KEY_CHARACTER = 0, SM_KEY_BACKSPACE = 1, SM_KEY_DELETE = 2, SM_KEY_LEFT = 3, SM_KEY_RIGHT = 4,
    SM_KEY_HOME = 5, SM_KEY_END = 6, SM_KEY_ENTER = 7, SM_KEY_ESCAPE = 8, SM_KEY_TAB = 9
};

/* What editorState answers, as bits. */
enum {
    SM_EDITOR_WANTS_KEYS = 1            /* a text field has the focus: keys go to the editor, not the host */
};

/* Sizes in logical units (pixels at content scale 1), from the editor's layout. */
typedef struct SmEditorInfo {
    int32_t defaultWidth;
    int32_t defaultHeight;
    int32_t minWidth;
    int32_t minHeight;
} SmEditorInfo; /* 16 bytes */

/* [main] What the editor calls back into the bridge (the controller behind one view). Parameters are
   VST3 ParamIDs; values are normalized. */
typedef struct SmEditorHost {
    void* context;
    int32_t (*beginEdit)(void* context, uint32_t paramId);
    int32_t (*performEdit)(void* context, uint32_t paramId, double normalized);
    int32_t (*endEdit)(void* context, uint32_t paramId);
    double (*getParam)(void* context, uint32_t paramId);      /* the controller's normalized value */
    /* message Sideman.SetChart: SM_OK set, SM_FALSE refused (problem says why) */
    int32_t (*setChart)(void* context, const uint16_t* text, uint16_t* problem, int32_t problemCapacity);
    /* message Sideman.SetPartSoundFont (path NULL or empty: the bundled sound); the editor draws its own file
       browser, so the bridge has no file chooser */
    int32_t (*setPartSoundFont)(void* context, int32_t part, const uint16_t* path);
} SmEditorHost; /* 56 bytes */

/* ---------------------------------------------------------------- the table */

typedef struct SmApi {
    uint32_t structSize;                /* sizeof(SmApi), set by the caller */
    uint32_t abiVersion;                /* SM_ABI_VERSION, set by managed */

    /* [any] description */
    int32_t (*describe)(SmPluginDesc* out);
    int32_t (*getParamCount)(void);
    int32_t (*getParamInfo)(int32_t index, SmParamInfo* out);
    int32_t (*paramToText)(uint32_t id, double normalized, uint16_t* text, int32_t capacity);
    int32_t (*paramFromText)(uint32_t id, const uint16_t* text, double* normalized);
    double (*paramToPlain)(uint32_t id, double normalized);
    double (*paramToNormalized)(uint32_t id, double plain);

    /* [main] processor lifetime */
    int32_t (*processorCreate)(SmHandle* out);
    void (*processorDestroy)(SmHandle processor);
    int32_t (*processorSetup)(SmHandle processor, const SmSetup* setup);     /* inactive; preallocates */
    int32_t (*processorSetActive)(SmHandle processor, int32_t active);       /* warms up the JIT */
    int32_t (*processorSetProcessing)(SmHandle processor, int32_t processing);

    /* [audio] one block; never throws, never allocates */
    int32_t (*processorProcess)(SmHandle processor, SmProcessBlock* block);

    /* [main] state. save returns the byte count needed (<0 on error); call again with a
       buffer at least that big. load rejects bad input without touching current settings
       and writes the reason to error. */
    int64_t (*processorSaveState)(SmHandle processor, uint8_t* buffer, int64_t capacity);
    int32_t (*processorLoadState)(SmHandle processor, const uint8_t* data, int64_t length,
                                  uint16_t* error, int32_t errorCapacity);

    /* [main] controller side: decode a processor state into normalized values, one per
       parameter index (getParamInfo order). Ids missing from the state get their default. */
    int32_t (*stateToNormalized)(const uint8_t* data, int64_t length, double* normalizedByIndex,
                                 int32_t count, uint16_t* error, int32_t errorCapacity);

    /* [main] the bridge's own log lines go to the same file as managed ones */
    void (*log)(const uint16_t* message);

    /* [main] a part's own SoundFont file (part: 0 Drums, 1 Bass, 2 Keys, 3 Pad, 4 Arp; path NULL
       or empty: the bundled sound again). Loads the file now. SM_OK: it plays. SM_FALSE: it cannot
       be used; the bundled sound plays, the path is still saved in the state, and message says why.
       SM_INVALID_ARGUMENT: bad handle or part. (ABI 2) */
    int32_t (*processorSetPartSoundFont)(SmHandle processor, int32_t part, const uint16_t* path,
                                         uint16_t* message, int32_t messageCapacity);

    /* [main] what the user should know about the band's sounds, one message per line: SM_OK with
       an empty text when every part plays what was chosen, SM_FALSE with the messages otherwise
       (sounds loading or missing, a user SoundFont that fell back). Give SM_STATUS_CAPACITY units. (ABI 2) */
    int32_t (*processorGetStatus)(SmHandle processor, uint16_t* text, int32_t capacity);

    /* [main] the producer's chord chart, the chords the band plays in chart mode ("C | Am7 | F G7 | C/E";
       text NULL or empty: no chart). SM_OK: set, and saved with the state (the "CHRT" blob). SM_FALSE:
       the text is not a chart; the previous chart stays and message says why. SM_INVALID_ARGUMENT: bad
       handle. (ABI 3) */
    int32_t (*processorSetChart)(SmHandle processor, const uint16_t* text, uint16_t* message,
                                 int32_t messageCapacity);

    /* [main] the processor side of the editor: what the band is doing now, for message Sideman.EditorFrame.
       Reads only what the engine publishes (never a lock the audio thread takes). chart gets the chart text
       (chartCapacity units) only when the chart's revision differs from knownChartRevision, and then
       *chartWritten is 1. (ABI 4) */
    int32_t (*processorEditorFrame)(SmHandle processor, SmEditorFrame* frame, int64_t knownChartRevision,
                                    uint16_t* chart, int32_t chartCapacity, int32_t* chartWritten);

    /* [main] the editor (ABI 4). host is copied; its context must outlive the editor. info gets the sizes. */
    int32_t (*editorCreate)(const SmEditorHost* host, SmEditorInfo* info, SmHandle* out);
    void (*editorDestroy)(SmHandle editor);
    /* The band's latest frame; chart NULL: the chart text is unchanged. */
    int32_t (*editorSetFrame)(SmHandle editor, const SmEditorFrame* frame, const uint16_t* chart);
    /* Draws into pixels (height rows of strideBytes, SM_EDITOR_BGRA/RGBA) at a content scale factor.
       SM_OK: drawn; SM_FALSE: nothing changed since the last call with this buffer, nothing drawn. */
    int32_t (*editorRender)(SmHandle editor, uint8_t* pixels, int32_t width, int32_t height, int32_t strideBytes,
                            float scale, int32_t format, int32_t force);
    /* A pointer event at a pixel position (SM_POINTER_*); SM_OK when a control took it, SM_FALSE otherwise. */
    int32_t (*editorPointer)(SmHandle editor, int32_t kind, float x, float y, float wheelSteps);
    /* A key (SM_KEY_*; character: a UTF-16 unit for SM_KEY_CHARACTER). SM_OK: taken; SM_FALSE: left to the host. */
    int32_t (*editorKey)(SmHandle editor, int32_t key, uint32_t character);
    /* SM_EDITOR_* bits */
    int32_t (*editorState)(SmHandle editor);
    /* Every control's name and pixel rectangle, one per line ("kind index x y width height"), UTF-8, for
       tests that click what is drawn. Returns the bytes needed (with the NUL); writes when capacity allows. */
    int32_t (*editorDescribeLayout)(SmHandle editor, char* text, int32_t capacity);
} SmApi;

/* The one managed entry point the bridge binds:
   Sideman.Plugin.Interop.BridgeExports.GetApi, in assembly Sideman.Plugin.
   Fills api (api->structSize must be set) and returns SM_OK. */
typedef int32_t (*SmGetApiFn)(SmApi* api);

#ifdef __cplusplus
} /* extern "C" */

static_assert(sizeof(SmBusInfo) == 264, "SmBusInfo size");
static_assert(sizeof(SmParamInfo) == 856, "SmParamInfo size");
static_assert(sizeof(SmSetup) == 24, "SmSetup size");
static_assert(sizeof(SmTransport) == 80, "SmTransport size");
static_assert(sizeof(SmEvent) == 32, "SmEvent size");
static_assert(sizeof(SmParamPoint) == 16, "SmParamPoint size");
static_assert(sizeof(SmAudioBus) == 24, "SmAudioBus size");
static_assert(sizeof(SmProcessBlock) == 144, "SmProcessBlock size");
static_assert(sizeof(SmChord) == 8, "SmChord size");
static_assert(sizeof(SmRollNote) == 16, "SmRollNote size");
static_assert(sizeof(SmEditorFrame) == 39704, "SmEditorFrame size");
static_assert(sizeof(SmEditorInfo) == 16, "SmEditorInfo size");
static_assert(sizeof(SmEditorHost) == 56, "SmEditorHost size");
#endif

#endif /* SIDEMAN_BRIDGE_ABI_H */
