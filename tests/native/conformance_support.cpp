#include "conformance_support.h"
#include "fixture.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "check.h"

namespace sideman::conformance {

using namespace vst3;

namespace {
template <typename I>
I* query(FUnknown* object) {
    void* out = nullptr;
    if (object == nullptr || object->queryInterface(I::iid.bytes, &out) != kResultOk) return nullptr;
    return static_cast<I*>(out);
}

template <typename T>
void releaseAndClear(T*& pointer) {
    if (pointer != nullptr) {
        pointer->release();
        pointer = nullptr;
    }
}
} // namespace

RawPlugin::RawPlugin(host::Vst3Module& module) {
    hostApp = new host::HostApplication();
    handler = new host::ComponentHandler();
    IPluginFactory* factory = module.factory();
    if (factory == nullptr) return;
    PClassInfo processorInfo{}, controllerInfo{};
    for (int32 i = 0; i < factory->countClasses(); ++i) {
        PClassInfo info{};
        if (factory->getClassInfo(i, &info) != kResultOk) continue;
        if (std::strcmp(info.category, "Audio Module Class") == 0) processorInfo = info;
        if (std::strcmp(info.category, "Component Controller Class") == 0) controllerInfo = info;
    }
    void* object = nullptr;
    if (factory->createInstance(processorInfo.cid, IComponent::iid.bytes, &object) == kResultOk)
        component = static_cast<IComponent*>(object);
    object = nullptr;
    if (factory->createInstance(controllerInfo.cid, IEditController::iid.bytes, &object) == kResultOk)
        controller = static_cast<IEditController*>(object);
    processor = query<IAudioProcessor>(component);
    componentCP = query<IConnectionPoint>(component);
    controllerCP = query<IConnectionPoint>(controller);
    CHECK_MSG(ok() && componentCP != nullptr && controllerCP != nullptr,
              "the factory did not hand out component, processor, controller and connection points");
}

RawPlugin::~RawPlugin() {
    if (initialized_) shutdown();
    releaseAndClear(componentCP);
    releaseAndClear(controllerCP);
    releaseAndClear(processor);
    releaseAndClear(component);
    releaseAndClear(controller);
    releaseAndClear(handler);
    releaseAndClear(hostApp);
}

bool RawPlugin::initializeAndConnect() {
    if (!ok()) return false;
    FUnknown* context = static_cast<IHostApplication*>(hostApp);
    if (component->initialize(context) != kResultOk) return false;
    if (controller->initialize(context) != kResultOk) return false;
    initialized_ = true;
    controller->setComponentHandler(handler);
    if (componentCP->connect(controllerCP) != kResultOk || controllerCP->connect(componentCP) != kResultOk) return false;
    connected_ = true;
    auto* stream = new host::MemoryStream(stateOf(component));
    const bool synced = controller->setComponentState(stream) == kResultOk;
    stream->release();
    return synced;
}

bool RawPlugin::setup(double rate, int32_t maxBlock, int32_t sampleSize, int32_t mode) {
    if (arrangeStereo(processor) != kResultTrue) return false;
    component->activateBus(kAudio, kOutput, 0, 1);
    ProcessSetup setup{mode, sampleSize, maxBlock, rate};
    return processor->setupProcessing(setup) == kResultOk;
}

void RawPlugin::shutdown() {
    if (connected_) {
        componentCP->disconnect(controllerCP);
        controllerCP->disconnect(componentCP);
        connected_ = false;
    }
    if (initialized_) {
        controller->setComponentHandler(nullptr);
        controller->terminate();
        component->terminate();
        initialized_ = false;
    }
}

OutputBuffers::OutputBuffers(int32_t buses, int32_t channels, int32_t maxSamples, int32_t sampleSize)
    : sampleSize_(sampleSize), maxSamples_(maxSamples) {
    const auto total = static_cast<size_t>(buses * channels);
    data32_.assign(total, std::vector<float>(static_cast<size_t>(maxSamples), 0.0f));
    data64_.assign(total, std::vector<double>(static_cast<size_t>(maxSamples), 0.0));
    pointers32_.assign(static_cast<size_t>(buses), {});
    pointers64_.assign(static_cast<size_t>(buses), {});
    buses_.assign(static_cast<size_t>(buses), AudioBusBuffers{});
    for (int32_t b = 0; b < buses; ++b) {
        for (int32_t c = 0; c < channels; ++c) {
            pointers32_[size_t(b)].push_back(data32_[size_t(b * channels + c)].data());
            pointers64_[size_t(b)].push_back(data64_[size_t(b * channels + c)].data());
        }
        buses_[size_t(b)].numChannels = channels;
        if (sampleSize == kSample64)
            buses_[size_t(b)].channelBuffers64 = pointers64_[size_t(b)].data();
        else
            buses_[size_t(b)].channelBuffers32 = pointers32_[size_t(b)].data();
    }
}

void OutputBuffers::fill(double value) {
    for (auto& channel : data32_) std::fill(channel.begin(), channel.end(), static_cast<float>(value));
    for (auto& channel : data64_) std::fill(channel.begin(), channel.end(), value);
}

double OutputBuffers::sample(int32_t bus, int32_t channel, int32_t index) const {
    if (sampleSize_ == kSample64) return pointers64_[size_t(bus)][size_t(channel)][index];
    return pointers32_[size_t(bus)][size_t(channel)][index];
}

bool OutputBuffers::allFinite(int32_t bus, int32_t samples) const {
    for (int32_t c = 0; c < buses_[size_t(bus)].numChannels; ++c)
        for (int32_t i = 0; i < samples; ++i)
            if (!std::isfinite(sample(bus, c, i))) return false;
    return true;
}

bool OutputBuffers::allZero(int32_t bus, int32_t samples) const {
    for (int32_t c = 0; c < buses_[size_t(bus)].numChannels; ++c)
        for (int32_t i = 0; i < samples; ++i)
            if (sample(bus, c, i) != 0.0) return false;
    return true;
}

double OutputBuffers::peak(int32_t bus, int32_t samples) const {
    double p = 0;
    for (int32_t c = 0; c < buses_[size_t(bus)].numChannels; ++c)
        for (int32_t i = 0; i < samples; ++i) p = std::max(p, std::fabs(sample(bus, c, i)));
    return p;
}

ProcessData makeProcessData(int32_t numSamples, OutputBuffers* buffers, IEventList* events, IParameterChanges* params,
                            IEventList* outEvents, ProcessContext* context, int32_t sampleSize, int32_t mode) {
    ProcessData data{};
    data.processMode = mode;
    data.symbolicSampleSize = sampleSize;
    data.numSamples = numSamples;
    data.numInputs = 0;
    data.inputs = nullptr;
    data.numOutputs = buffers != nullptr ? buffers->busCount() : 0;
    data.outputs = buffers != nullptr ? buffers->buses() : nullptr;
    data.inputParameterChanges = params;
    data.inputEvents = events;
    data.outputEvents = outEvents;
    data.processContext = context;
    return data;
}

tresult arrangeStereo(IAudioProcessor* processor, int32_t buses) {
    std::vector<SpeakerArrangement> arrangements(static_cast<size_t>(buses), SpeakerArr::kStereo);
    return processor->setBusArrangements(nullptr, 0, arrangements.data(), buses);
}

std::vector<uint8_t> stateOf(IComponent* component) {
    auto* stream = new host::MemoryStream();
    const tresult rc = component->getState(stream);
    std::vector<uint8_t> bytes = rc == kResultOk ? stream->bytes() : std::vector<uint8_t>();
    stream->release();
    return bytes;
}

bool switchBandOff(IAudioProcessor* processor, int32_t sampleSize) {
    auto* params = new host::ParameterChanges();
    params->add(test::paramId("band.on"), 0, 0.0);
    ProcessData flush = makeProcessData(0, nullptr, nullptr, params, nullptr, nullptr, sampleSize);
    const bool ok = processor->process(flush) == kResultOk;
    params->release();
    return ok;
}

std::vector<float> renderNote(IAudioProcessor* processor, double rate, int32_t block, int64_t total, int64_t noteAt,
                              int16_t key, int32_t sampleSize) {
    std::vector<float> out(static_cast<size_t>(total), std::numeric_limits<float>::quiet_NaN());
    OutputBuffers buffers(kOutputBuses, kChannels, block, sampleSize);
    auto* events = new host::EventList();
    for (int64_t position = 0; position < total; position += block) {
        const auto n = static_cast<int32_t>(std::min<int64_t>(block, total - position));
        events->clear();
        if (noteAt >= position && noteAt < position + n) {
            Event on{};
            on.type = Event::kNoteOnEvent;
            on.sampleOffset = static_cast<int32_t>(noteAt - position);
            on.noteOn = NoteOnEvent{0, key, 0.0f, 0.8f, 0, -1};
            events->addEvent(on);
        }
        ProcessContext context{};
        context.state = ProcessContext::kPlaying | ProcessContext::kTempoValid;
        context.sampleRate = rate;
        context.tempo = 120;
        context.projectTimeSamples = position;
        ProcessData data = makeProcessData(n, &buffers, events, nullptr, nullptr, &context, sampleSize);
        if (processor->process(data) != kResultOk) continue;
        for (int32_t i = 0; i < n; ++i) out[size_t(position + i)] = static_cast<float>(buffers.sample(0, 0, i));
    }
    events->release();
    return out;
}

uint32_t TestRandom::next() {
    // xorshift64*: small, fast, the same on every platform.
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return static_cast<uint32_t>((state_ * 2685821657736338717ull) >> 32);
}

} // namespace sideman::conformance
