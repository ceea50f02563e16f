#include "processor.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "block_translation.h"
#include "class_ids.h"
#include "denormals.h"
#include "managed_runtime.h"
#include "message.h"
#include "stream_io.h"
#include "utf16.h"

namespace sideman {

using namespace vst3;

namespace {
SpeakerArrangement arrangementFor(int32_t channels) {
    return channels == 1 ? SpeakerArr::kMono : channels == 2 ? SpeakerArr::kStereo : (1ull << channels) - 1;
}
} // namespace

Processor::Processor(const SmApi& api) : api_(api) {
    if (api_.describe(&desc_) != SM_OK) desc_ = SmPluginDesc{};
    desc_.audioOutputBusCount = std::clamp(desc_.audioOutputBusCount, 0, static_cast<int32_t>(SM_MAX_BUSES));
    for (int32_t i = 0; i < desc_.audioOutputBusCount; ++i)
        busActive_[static_cast<size_t>(i)].store(desc_.audioOutputs[i].kind == SM_BUS_MAIN ? 1 : 0);
    allocateBlockBuffers();
}

Processor::~Processor() { terminate(); }

void Processor::allocateBlockBuffers() {
    events_.resize(kEventCapacity);
    pendingEvents_.resize(kEventCapacity);
    eventScratch_.resize(kEventCapacity);
    outEvents_.resize(kOutEventCapacity);
    points_.resize(kParamPointCapacity);
    pointScratch_.resize(kParamPointCapacity);
    buses_.resize(static_cast<size_t>(desc_.audioOutputBusCount));
    channelPointers_.resize(static_cast<size_t>(desc_.audioOutputBusCount));
    for (int32_t i = 0; i < desc_.audioOutputBusCount; ++i)
        channelPointers_[static_cast<size_t>(i)].assign(
            static_cast<size_t>(std::max(1, desc_.audioOutputs[i].channelCount)), nullptr);
}

tresult VST3_API Processor::queryInterface(const TUID iid, void** obj) {
    if (obj == nullptr) return kInvalidArgument;
    if (offerInterface<IComponent>(iid, FUnknown::iid, this, obj) ||
        offerInterface<IComponent>(iid, IPluginBase::iid, this, obj) ||
        offerInterface<IComponent>(iid, IComponent::iid, this, obj) ||
        offerInterface<IAudioProcessor>(iid, IAudioProcessor::iid, this, obj) ||
        offerInterface<IProcessContextRequirements>(iid, IProcessContextRequirements::iid, this, obj) ||
        offerInterface<IConnectionPoint>(iid, IConnectionPoint::iid, this, obj))
        return kResultOk;
    *obj = nullptr;
    return kNoInterface;
}

tresult VST3_API Processor::initialize(FUnknown* context) {
    if (handle_ != nullptr) return kResultFalse; // already initialized
    SmHandle handle = nullptr;
    if (api_.processorCreate(&handle) != SM_OK || handle == nullptr) {
        bridgeLog("the managed processor could not be created (see the lines above for the reason)");
        return kInternalError;
    }
    handle_ = handle;
    // A fresh managed processor has not seen the host's setup yet (setup_ keeps the last one the
    // host gave, and setActive applies it if setupProcessing is not called again).
    setupDone_ = false;
    if (context != nullptr) {
        void* host = nullptr;
        if (context->queryInterface(IHostApplication::iid.bytes, &host) == kResultOk)
            host_ = static_cast<IHostApplication*>(host);
    }
    return kResultOk;
}

tresult VST3_API Processor::terminate() {
    const bool wasInitialized = handle_ != nullptr;
    if (active_) setActive(false);
    if (peer_ != nullptr) {
        peer_->release();
        peer_ = nullptr;
    }
    if (handle_ != nullptr) {
        api_.processorDestroy(handle_);
        handle_ = nullptr;
    }
    if (host_ != nullptr) {
        host_->release();
        host_ = nullptr;
    }
    setupDone_ = false;
    processing_ = false; // the next managed processor starts not processing
    // Terminating what is not initialized is a host error (VST3 state model): say so.
    return wasInitialized ? kResultOk : kResultFalse;
}

tresult VST3_API Processor::getControllerClassId(TUID classId) {
    if (classId == nullptr) return kInvalidArgument;
    std::memcpy(classId, kControllerUid.bytes, sizeof(TUID));
    return kResultOk;
}

tresult VST3_API Processor::setIoMode(IoMode) { return kResultOk; }

int32 VST3_API Processor::getBusCount(MediaType type, BusDirection dir) {
    if (dir != kInput && dir != kOutput) return 0;
    if (type == kAudio) return dir == kOutput ? desc_.audioOutputBusCount : 0;
    if (type == kEvent) return dir == kInput ? desc_.eventInputBusCount : desc_.eventOutputBusCount;
    return 0;
}

tresult VST3_API Processor::getBusInfo(MediaType type, BusDirection dir, int32 index, BusInfo& bus) {
    if (index < 0 || index >= getBusCount(type, dir)) return kInvalidArgument;
    bus = BusInfo{};
    bus.mediaType = type;
    bus.direction = dir;
    if (type == kAudio) {
        const SmBusInfo& info = desc_.audioOutputs[index];
        bus.channelCount = info.channelCount;
        copyUtf16(bus.name, 128, info.name);
        bus.busType = info.kind == SM_BUS_MAIN ? kMain : kAux;
        bus.flags = info.kind == SM_BUS_MAIN ? static_cast<uint32>(BusInfo::kDefaultActive) : 0u;
    } else {
        bus.channelCount = 16;
        copyUtf16(bus.name, 128, dir == kInput ? desc_.eventInputName : desc_.eventOutputName);
        bus.busType = kMain;
        bus.flags = BusInfo::kDefaultActive;
    }
    return kResultOk;
}

tresult VST3_API Processor::getRoutingInfo(RoutingInfo& inInfo, RoutingInfo& outInfo) {
    // MIDI in plays the main output.
    if (inInfo.mediaType != kEvent || inInfo.busIndex != 0 || desc_.audioOutputBusCount == 0) return kResultFalse;
    outInfo = RoutingInfo{kAudio, 0, -1};
    return kResultOk;
}

tresult VST3_API Processor::activateBus(MediaType type, BusDirection dir, int32 index, TBool state) {
    if (index < 0 || index >= getBusCount(type, dir)) return kInvalidArgument;
    const int32_t value = state ? 1 : 0;
    if (type == kAudio)
        busActive_[static_cast<size_t>(index)].store(value, std::memory_order_relaxed);
    else if (dir == kInput)
        eventInActive_.store(value, std::memory_order_relaxed);
    else
        eventOutActive_.store(value, std::memory_order_relaxed);
    return kResultOk;
}

tresult VST3_API Processor::setActive(TBool state) {
    if (handle_ == nullptr) return kNotInitialized;
    // Asking for the state the processor already has changes nothing and is answered kResultOk,
    // as the SDK's own Component::setActive answers. The validator relies on it: its ProcessTest
    // teardown calls setActive(false) after tests that already deactivated the component, and
    // reports "Failed to teardown test!" on any other answer.
    if ((state != 0) == active_) return kResultOk;
    if (state) {
        if (!setupDone_) {
            if (api_.processorSetup(handle_, &setup_) != SM_OK) return kResultFalse;
            setupDone_ = true;
        }
        if (api_.processorSetActive(handle_, 1) != SM_OK) return kResultFalse;
        pendingEventCount_ = 0; // notes from before a suspend do not play after it
        active_ = true;
        sendStatusToController(false); // the bundled sounds are ready (or known missing) now
    } else {
        api_.processorSetActive(handle_, 0);
        active_ = false;
        reportAudioThreadTrouble();
    }
    return kResultOk;
}

void Processor::reportAudioThreadTrouble() {
    int32_t events = droppedEvents_.exchange(0), points = droppedPoints_.exchange(0),
            failures = managedFailures_.exchange(0), offBus = offBusEvents_.exchange(0);
    if (events > 0)
        bridgeLog("dropped " + std::to_string(events) + " input events beyond " + std::to_string(kEventCapacity) +
                  " per block");
    if (points > 0)
        bridgeLog("dropped " + std::to_string(points) + " parameter points beyond " +
                  std::to_string(kParamPointCapacity) + " per block");
    if (offBus > 0)
        bridgeLog("ignored " + std::to_string(offBus) + " input events on an event bus other than " +
                  (desc_.eventInputBusCount == 1 ? std::string("0 (the only one)")
                                                 : "0.." + std::to_string(desc_.eventInputBusCount - 1)));
    if (failures > 0)
        bridgeLog("the managed process call failed in " + std::to_string(failures) +
                  " blocks (outputs were silenced there)");
}

tresult VST3_API Processor::setState(IBStream* state) {
    if (handle_ == nullptr) return kNotInitialized;
    std::vector<uint8_t> bytes;
    std::string error;
    if (!readWholeStream(state, bytes, error)) {
        bridgeLog("processor state not loaded: " + error);
        return kResultFalse;
    }
    char16_t message[512] = {};
    int32_t rc = api_.processorLoadState(handle_, bytes.data(), static_cast<int64_t>(bytes.size()),
                                         reinterpret_cast<uint16_t*>(message), 512);
    if (rc != SM_OK) {
        bridgeLog("processor state rejected (" + std::to_string(bytes.size()) + " bytes): " + utf16ToUtf8(message));
        return kResultFalse;
    }
    sendStateToController(bytes);
    sendStatusToController(false); // the state may name user SoundFonts that are missing
    return kResultOk;
}

tresult VST3_API Processor::getState(IBStream* state) {
    if (handle_ == nullptr) return kNotInitialized;
    if (state == nullptr) return kInvalidArgument;
    int64_t needed = api_.processorSaveState(handle_, nullptr, 0);
    std::vector<uint8_t> bytes;
    // The size can change between the two calls if the engine is busy; retry a few times.
    for (int attempt = 0; attempt < 4 && needed >= 0; ++attempt) {
        bytes.resize(static_cast<size_t>(needed));
        int64_t written = api_.processorSaveState(handle_, bytes.data(), needed);
        if (written >= 0 && written <= needed) {
            bytes.resize(static_cast<size_t>(written));
            std::string error;
            if (!writeWholeStream(state, bytes.data(), bytes.size(), error)) {
                bridgeLog("processor state not saved: " + error);
                return kResultFalse;
            }
            return kResultOk;
        }
        needed = written;
    }
    bridgeLog("processor state not saved: the managed side reported an error");
    return kResultFalse;
}

void Processor::sendStateToController(const std::vector<uint8_t>& bytes) {
    if (peer_ == nullptr || bytes.size() > 0xFFFFFFFFu) return;
    IMessage* message = allocateMessage(host_);
    if (message == nullptr) return;
    message->setMessageID(kStateMessageId);
    if (IAttributeList* attributes = message->getAttributes())
        attributes->setBinary(kStateAttribute, bytes.data(), static_cast<uint32>(bytes.size()));
    peer_->notify(message);
    message->release();
}

tresult VST3_API Processor::setBusArrangements(SpeakerArrangement* inputs, int32 numIns,
                                               SpeakerArrangement* outputs, int32 numOuts) {
    (void)inputs;
    if (numIns != 0 || numOuts != desc_.audioOutputBusCount) return kResultFalse;
    if (numOuts > 0 && outputs == nullptr) return kInvalidArgument;
    for (int32 i = 0; i < numOuts; ++i)
        if (outputs[i] != arrangementFor(desc_.audioOutputs[i].channelCount)) return kResultFalse;
    return kResultTrue;
}

tresult VST3_API Processor::getBusArrangement(BusDirection dir, int32 index, SpeakerArrangement& arr) {
    if (dir != kOutput || index < 0 || index >= desc_.audioOutputBusCount) return kInvalidArgument;
    arr = arrangementFor(desc_.audioOutputs[index].channelCount);
    return kResultOk;
}

tresult VST3_API Processor::canProcessSampleSize(int32 size) {
    if (size == kSample32) return kResultTrue;
    if (size == kSample64) return desc_.supportsDoublePrecision ? kResultTrue : kResultFalse;
    return kResultFalse;
}

uint32 VST3_API Processor::getLatencySamples() { return static_cast<uint32>(std::max(0, desc_.latencySamples)); }

uint32 VST3_API Processor::getTailSamples() {
    return desc_.tailSamples < 0 ? 0xFFFFFFFFu /* kInfiniteTail */ : static_cast<uint32>(desc_.tailSamples);
}

uint32 VST3_API Processor::getProcessContextRequirements() {
    using R = IProcessContextRequirements;
    return R::kNeedContinousTimeSamples | R::kNeedProjectTimeMusic | R::kNeedBarPositionMusic | R::kNeedCycleMusic |
           R::kNeedTempo | R::kNeedTimeSignature | R::kNeedTransportState;
}

tresult VST3_API Processor::setupProcessing(ProcessSetup& setup) {
    if (handle_ == nullptr) return kNotInitialized;
    if (active_) return kResultFalse; // only legal while inactive
    if (!(setup.sampleRate >= 8000.0 && setup.sampleRate <= 384000.0)) {
        bridgeLog("setupProcessing refused: sample rate " + std::to_string(setup.sampleRate) +
                  " Hz is outside 8 kHz..384 kHz");
        return kResultFalse;
    }
    if (setup.maxSamplesPerBlock < 1) {
        bridgeLog("setupProcessing refused: block size " + std::to_string(setup.maxSamplesPerBlock));
        return kResultFalse;
    }
    if (canProcessSampleSize(setup.symbolicSampleSize) != kResultTrue) return kResultFalse;
    SmSetup next{};
    next.sampleRate = setup.sampleRate;
    next.maxBlockSize = std::min(setup.maxSamplesPerBlock, kMaxManagedBlock);
    next.sampleSize = setup.symbolicSampleSize == kSample64 ? SM_SAMPLE_64 : SM_SAMPLE_32;
    next.processMode = setup.processMode == kOffline    ? SM_MODE_OFFLINE
                       : setup.processMode == kPrefetch ? SM_MODE_PREFETCH
                                                        : SM_MODE_REALTIME;
    if (api_.processorSetup(handle_, &next) != SM_OK) return kResultFalse;
    setup_ = next;
    setupDone_ = true;
    return kResultOk;
}

tresult VST3_API Processor::setProcessing(TBool state) {
    if (handle_ == nullptr) return kNotInitialized;
    // Like setActive: repeating the current state changes nothing and is not an error.
    if ((state != 0) == processing_) return kResultOk;
    if (api_.processorSetProcessing(handle_, state ? 1 : 0) != SM_OK) return kResultFalse;
    processing_ = state != 0;
    return kResultOk;
}

namespace {
uint64_t allChannels(int32_t channels) {
    return channels >= 64 ? ~0ull : channels <= 0 ? 0ull : ((1ull << channels) - 1);
}

// Zeroes samples [start, start + count) of channel c of a host bus, whatever its sample size.
void clearChannel(const AudioBusBuffers& bus, int32_t sampleSize, int32_t c, int32_t start, int32_t count) {
    if (bus.channelBuffers32 == nullptr || count <= 0) return;
    if (sampleSize == kSample64) {
        if (bus.channelBuffers64[c] != nullptr) std::memset(bus.channelBuffers64[c] + start, 0, sizeof(double) * size_t(count));
    } else if (bus.channelBuffers32[c] != nullptr) {
        std::memset(bus.channelBuffers32[c] + start, 0, sizeof(float) * size_t(count));
    }
}
} // namespace

void Processor::silenceOutputs(ProcessData& data, int32_t numSamples) {
    if (data.outputs == nullptr || numSamples < 0) return;
    for (int32 b = 0; b < data.numOutputs; ++b) {
        AudioBusBuffers& bus = data.outputs[b];
        for (int32 c = 0; c < bus.numChannels; ++c) clearChannel(bus, data.symbolicSampleSize, c, 0, numSamples);
        bus.silenceFlags = allChannels(bus.numChannels);
    }
}

tresult VST3_API Processor::process(ProcessData& data) {
    const int32_t numSamples = data.numSamples;
    if (numSamples < 0) return kInvalidArgument;
    if (handle_ == nullptr || !active_) {
        // Called out of order (before setActive(true) or after terminate): the host still gets
        // silence rather than whatever its buffers held.
        silenceOutputs(data, numSamples);
        return kNotInitialized;
    }
    const int32_t sampleSize = data.symbolicSampleSize == kSample64 ? SM_SAMPLE_64 : SM_SAMPLE_32;
    if (sampleSize != setup_.sampleSize) {
        silenceOutputs(data, numSamples);
        return kInvalidArgument;
    }
    DenormalGuard denormals;
    try {
        // Gather the whole host block once, then split it into managed-sized chunks. Events that
        // came in 0-sample calls (no time to play them in) lead the next block, at offset 0.
        int32_t dropped = 0;
        int32_t eventCount = 0;
        if (eventInActive_.load(std::memory_order_relaxed)) {
            const int32_t carried = numSamples > 0 ? pendingEventCount_ : 0;
            std::copy_n(pendingEvents_.data(), carried, events_.data());
            int32_t offBus = 0;
            eventCount = carried + gatherInputEvents(data.inputEvents, numSamples, desc_.eventInputBusCount,
                                                     events_.data() + carried, eventScratch_.data(),
                                                     kEventCapacity - carried, dropped, offBus);
            if (offBus) offBusEvents_.fetch_add(offBus, std::memory_order_relaxed);
            if (numSamples == 0) {
                const int32_t keep = std::min(eventCount, kEventCapacity - pendingEventCount_);
                std::copy_n(events_.data(), keep, pendingEvents_.data() + pendingEventCount_);
                pendingEventCount_ += keep;
                dropped += eventCount - keep;
                eventCount = 0;
            } else {
                pendingEventCount_ = 0;
            }
        }
        if (dropped) droppedEvents_.fetch_add(dropped, std::memory_order_relaxed);
        dropped = 0;
        const int32_t pointCount = gatherParamPoints(data.inputParameterChanges, numSamples, points_.data(),
                                                     pointScratch_.data(), kParamPointCapacity, dropped);
        if (dropped) droppedPoints_.fetch_add(dropped, std::memory_order_relaxed);
        mapTransport(data.processContext, setup_.sampleRate, transport_);

        block_.events = events_.data();
        block_.eventCount = eventCount;
        block_.paramPoints = points_.data();
        block_.paramPointCount = pointCount;
        if (data.outputs != nullptr)
            for (int32 b = 0; b < data.numOutputs; ++b) data.outputs[b].silenceFlags = allChannels(data.outputs[b].numChannels);

        bool failed = false;
        int32_t eventCursor = 0, pointCursor = 0;
        if (numSamples == 0) {
            processChunk(data, 0, 0, eventCursor, pointCursor, failed); // parameter flush
        } else {
            for (int32_t start = 0; start < numSamples; start += setup_.maxBlockSize) {
                int32_t length = std::min(setup_.maxBlockSize, numSamples - start);
                processChunk(data, start, length, eventCursor, pointCursor, failed);
            }
        }
        if (failed) {
            managedFailures_.fetch_add(1, std::memory_order_relaxed);
            silenceOutputs(data, numSamples);
        }
        return kResultOk;
    } catch (...) {
        managedFailures_.fetch_add(1, std::memory_order_relaxed);
        silenceOutputs(data, numSamples);
        return kInternalError;
    }
}

void Processor::processChunk(ProcessData& data, int32_t start, int32_t length, int32_t& eventCursor,
                             int32_t& pointCursor, bool& failed) {
    // Events and points are sorted, so each chunk owns a contiguous run of them.
    const int32_t end = start + length;
    int32_t eventEnd = eventCursor;
    const int32_t eventTotal = block_.eventCount;
    while (eventEnd < eventTotal && (length == 0 || events_[static_cast<size_t>(eventEnd)].sampleOffset < end))
        ++eventEnd;
    int32_t pointEnd = pointCursor;
    const int32_t pointTotal = block_.paramPointCount;
    while (pointEnd < pointTotal && (length == 0 || points_[static_cast<size_t>(pointEnd)].sampleOffset < end))
        ++pointEnd;
    for (int32_t i = eventCursor; i < eventEnd; ++i) events_[static_cast<size_t>(i)].sampleOffset -= start;
    for (int32_t i = pointCursor; i < pointEnd; ++i) points_[static_cast<size_t>(i)].sampleOffset -= start;

    SmProcessBlock chunk = block_;
    chunk.numSamples = length;
    chunk.sampleSize = setup_.sampleSize;
    chunk.processMode = data.processMode == kOffline    ? SM_MODE_OFFLINE
                        : data.processMode == kPrefetch ? SM_MODE_PREFETCH
                                                        : SM_MODE_REALTIME;
    chunk.events = events_.data() + eventCursor;
    chunk.eventCount = eventEnd - eventCursor;
    chunk.paramPoints = points_.data() + pointCursor;
    chunk.paramPointCount = pointEnd - pointCursor;
    chunk.outEvents = outEvents_.data();
    const bool eventsOut = eventOutActive_.load(std::memory_order_relaxed) != 0;
    chunk.outEventCapacity = eventsOut ? kOutEventCapacity : 0;
    chunk.outEventCount = 0;
    chunk.transport = transport_;
    advanceTransport(chunk.transport, start);

    const size_t sampleBytes = setup_.sampleSize == SM_SAMPLE_64 ? sizeof(double) : sizeof(float);
    chunk.outputBusCount = desc_.audioOutputBusCount;
    chunk.outputs = buses_.data();
    for (int32_t b = 0; b < desc_.audioOutputBusCount; ++b) {
        SmAudioBus& bus = buses_[static_cast<size_t>(b)];
        std::vector<void*>& pointers = channelPointers_[static_cast<size_t>(b)];
        AudioBusBuffers* host = (data.outputs != nullptr && b < data.numOutputs) ? &data.outputs[b] : nullptr;
        const int32_t hostChannels = host != nullptr ? std::clamp<int32_t>(host->numChannels, 0, 64) : 0;
        int32_t channels = 0;
        if (host != nullptr && host->channelBuffers32 != nullptr && length > 0) {
            channels = std::min<int32_t>(hostChannels, static_cast<int32_t>(pointers.size()));
            for (int32_t c = 0; c < channels; ++c) {
                auto* base = static_cast<char*>(static_cast<void*>(host->channelBuffers32[c]));
                pointers[static_cast<size_t>(c)] = base != nullptr ? base + sampleBytes * start : nullptr;
                if (base == nullptr) channels = c; // a null channel ends the usable run
            }
        }
        bus.active = busActive_[static_cast<size_t>(b)].load(std::memory_order_relaxed);
        // An inactive bus gets no channels: the engine writes nothing there, and the host's
        // buffers (if it passed any) are cleared here, so they hold silence, as flagged.
        if (!bus.active) channels = 0;
        bus.channelCount = channels;
        bus.channels = channels > 0 ? pointers.data() : nullptr;
        bus.silenceFlags = 0;
        if (host != nullptr)
            for (int32_t c = channels; c < hostChannels; ++c) clearChannel(*host, data.symbolicSampleSize, c, start, length);
    }

    int32_t rc = api_.processorProcess(handle_, &chunk);
    if (rc != SM_OK) failed = true;

    for (int32_t b = 0; b < desc_.audioOutputBusCount && data.outputs != nullptr && b < data.numOutputs; ++b) {
        const SmAudioBus& bus = buses_[static_cast<size_t>(b)];
        // Channels the engine did not get were cleared above: they are silent.
        const uint64_t flags = (bus.silenceFlags & allChannels(bus.channelCount)) | ~allChannels(bus.channelCount);
        if (length > 0) data.outputs[b].silenceFlags &= flags; // silent only if silent in every chunk
    }
    if (rc == SM_OK && eventsOut) {
        int32_t count = std::clamp(chunk.outEventCount, 0, kOutEventCapacity);
        emitOutputEvents(outEvents_.data(), count, start, desc_.eventOutputBusCount, data.outputEvents);
    }
    eventCursor = eventEnd;
    pointCursor = pointEnd;
}

void Processor::sendStatusToController(bool evenIfUnchanged) {
    if (peer_ == nullptr || handle_ == nullptr) return;
    std::vector<char16_t> text(SM_STATUS_CAPACITY, u'\0');
    const int32_t rc = api_.processorGetStatus(handle_, reinterpret_cast<uint16_t*>(text.data()), SM_STATUS_CAPACITY);
    if (rc != SM_OK && rc != SM_FALSE) return;
    std::u16string status(text.data());
    if (!evenIfUnchanged && statusEverSent_ && status == statusSent_) return;
    IMessage* message = allocateMessage(host_);
    if (message == nullptr) return;
    message->setMessageID(kStatusMessageId);
    if (IAttributeList* attributes = message->getAttributes()) {
        attributes->setString(kStatusTextAttribute, status.c_str());
        attributes->setInt(kStatusClearAttribute, rc == SM_OK ? 1 : 0);
    }
    peer_->notify(message);
    message->release();
    statusSent_ = status;
    statusEverSent_ = true;
}

tresult Processor::setPartSoundFont(IMessage* message) {
    IAttributeList* attributes = message->getAttributes();
    int64 part = -1;
    if (attributes == nullptr || attributes->getInt(kPartAttribute, part) != kResultOk) return kInvalidArgument;
    std::vector<char16_t> path(4096, u'\0');
    if (attributes->getString(kPathAttribute, path.data(), static_cast<uint32>(path.size() * sizeof(char16_t))) != kResultOk)
        path[0] = 0; // no path: back to the bundled sound
    char16_t reason[1024] = {};
    const int32_t rc = api_.processorSetPartSoundFont(handle_, static_cast<int32_t>(std::clamp<int64>(part, -1, 1000)),
                                                      reinterpret_cast<const uint16_t*>(path.data()),
                                                      reinterpret_cast<uint16_t*>(reason), 1024);
    if (rc == SM_INVALID_ARGUMENT) return kInvalidArgument;
    // SM_FALSE is handled too: the bundled sound plays and the status tells the user why.
    sendStatusToController(true);
    return rc == SM_OK || rc == SM_FALSE ? kResultOk : kResultFalse;
}

tresult Processor::setChart(IMessage* message) {
    IAttributeList* attributes = message->getAttributes();
    if (attributes == nullptr) return kInvalidArgument;
    std::vector<char16_t> text(kChartTextCapacity, u'\0');
    if (attributes->getString(kChartTextAttribute, text.data(), static_cast<uint32>(text.size() * sizeof(char16_t))) !=
        kResultOk)
        text[0] = 0; // no text: no chart
    char16_t reason[1024] = {};
    const int32_t rc = api_.processorSetChart(handle_, reinterpret_cast<const uint16_t*>(text.data()),
                                              reinterpret_cast<uint16_t*>(reason), 1024);
    if (rc == SM_OK) return kResultOk;
    if (rc == SM_FALSE) {
        // The managed side has logged it; the sender reads the reason from its own message.
        attributes->setString(kProblemAttribute, reason);
        return kResultFalse;
    }
    return rc == SM_INVALID_ARGUMENT ? kInvalidArgument : kInternalError;
}

tresult VST3_API Processor::connect(IConnectionPoint* other) {
    if (other == nullptr) return kInvalidArgument;
    if (peer_ != nullptr) return kResultFalse;
    peer_ = other;
    peer_->addRef();
    sendStatusToController(true);
    return kResultOk;
}

tresult VST3_API Processor::disconnect(IConnectionPoint* other) {
    if (peer_ == nullptr || other != peer_) return kInvalidArgument;
    peer_->release();
    peer_ = nullptr;
    return kResultOk;
}

tresult VST3_API Processor::notify(IMessage* message) {
    // Parameters reach the processor through the host; messages carry only what parameters cannot.
    if (message == nullptr) return kInvalidArgument;
    if (handle_ == nullptr) return kNotInitialized;
    const char* id = message->getMessageID();
    if (id != nullptr && std::strcmp(id, kSetPartSoundFontMessageId) == 0) return setPartSoundFont(message);
    if (id != nullptr && std::strcmp(id, kSetChartMessageId) == 0) return setChart(message);
    if (id != nullptr && std::strcmp(id, kEditorFrameMessageId) == 0) return editorFrame(message);
    return kResultFalse;
}

} // namespace sideman
