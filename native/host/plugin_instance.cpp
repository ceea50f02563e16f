#include "plugin_instance.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "utf16.h"

namespace sideman::host {

vst3::ParamID paramIdOf(const std::string& stringId) {
    uint32_t hash = 2166136261u;
    for (unsigned char c : stringId) {
        hash ^= c;
        hash *= 16777619u;
    }
    return hash & 0x7FFFFFFFu;
}

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

std::unique_ptr<PluginInstance> PluginInstance::create(Vst3Module& module, std::string& error) {
    IPluginFactory* factory = module.factory();
    if (factory == nullptr) {
        error = "module not loaded";
        return nullptr;
    }
    std::unique_ptr<PluginInstance> self(new PluginInstance());
    self->hostApp_ = new HostApplication();
    self->handler_ = new ComponentHandler();
    self->outEvents_ = new EventList();
    if (module.factory3() != nullptr) module.factory3()->setHostContext(static_cast<IHostApplication*>(self->hostApp_));

    PClassInfo info{};
    int32 processorIndex = -1;
    for (int32 i = 0; i < factory->countClasses(); ++i)
        if (factory->getClassInfo(i, &info) == kResultOk && std::strcmp(info.category, "Audio Module Class") == 0) {
            processorIndex = i;
            break;
        }
    if (processorIndex < 0) {
        error = "the factory offers no Audio Module Class";
        return nullptr;
    }
    void* object = nullptr;
    tresult rc = factory->createInstance(info.cid, IComponent::iid.bytes, &object);
    if (rc != kResultOk || object == nullptr) {
        error = "createInstance(component) failed with " + std::to_string(rc);
        return nullptr;
    }
    self->component_ = static_cast<IComponent*>(object);
    rc = self->component_->initialize(static_cast<IHostApplication*>(self->hostApp_));
    if (rc != kResultOk) {
        error = "component initialize failed with " + std::to_string(rc);
        releaseAndClear(self->component_);
        return nullptr;
    }
    self->processor_ = query<IAudioProcessor>(self->component_);
    if (self->processor_ == nullptr) {
        error = "component has no IAudioProcessor";
        return nullptr;
    }

    // Controller: a separate class, as hosts expect.
    TUID controllerCid{};
    if (self->component_->getControllerClassId(controllerCid) == kResultOk) {
        object = nullptr;
        rc = factory->createInstance(controllerCid, IEditController::iid.bytes, &object);
        if (rc != kResultOk || object == nullptr) {
            error = "createInstance(controller) failed with " + std::to_string(rc);
            return nullptr;
        }
        self->controller_ = static_cast<IEditController*>(object);
        rc = self->controller_->initialize(static_cast<IHostApplication*>(self->hostApp_));
        if (rc != kResultOk) {
            error = "controller initialize failed with " + std::to_string(rc);
            releaseAndClear(self->controller_);
            return nullptr;
        }
        self->controller_->setComponentHandler(self->handler_);
        self->componentCP_ = query<IConnectionPoint>(self->component_);
        self->controllerCP_ = query<IConnectionPoint>(self->controller_);
        if (self->componentCP_ && self->controllerCP_) {
            self->componentCP_->connect(self->controllerCP_);
            self->controllerCP_->connect(self->componentCP_);
        }
        // Hosts sync the controller from the component's state right away.
        std::string stateError;
        auto state = self->saveState(stateError);
        if (!stateError.empty() || !self->syncController(state)) {
            error = "initial controller sync failed: " + stateError;
            return nullptr;
        }
    }

    for (int32 i = 0; i < self->component_->getBusCount(kAudio, kOutput); ++i) {
        BusInfo bus{};
        self->component_->getBusInfo(kAudio, kOutput, i, bus);
        self->buses_.push_back(
            BusDescription{utf16ToUtf8(bus.name), bus.channelCount, bus.busType == kMain,
                           (bus.flags & BusInfo::kDefaultActive) != 0});
    }
    return self;
}

PluginInstance::~PluginInstance() { teardown(); }

void PluginInstance::teardown() {
    stop();
    if (componentCP_ && controllerCP_) {
        componentCP_->disconnect(controllerCP_);
        controllerCP_->disconnect(componentCP_);
    }
    releaseAndClear(componentCP_);
    releaseAndClear(controllerCP_);
    if (controller_ != nullptr) {
        controller_->setComponentHandler(nullptr);
        controller_->terminate();
    }
    releaseAndClear(controller_);
    releaseAndClear(processor_);
    if (component_ != nullptr) component_->terminate();
    releaseAndClear(component_);
    releaseAndClear(outEvents_);
    releaseAndClear(handler_);
    releaseAndClear(hostApp_);
}

bool PluginInstance::setup(double sampleRate, int32_t maxBlock, int32_t sampleSize, int32_t processMode,
                           bool activateAux, std::string& error) {
    std::vector<SpeakerArrangement> arrangements;
    for (const auto& bus : buses_)
        arrangements.push_back(bus.channels == 2 ? SpeakerArr::kStereo : (1ull << bus.channels) - 1);
    if (processor_->setBusArrangements(nullptr, 0, arrangements.data(), static_cast<int32>(arrangements.size())) !=
        kResultTrue) {
        error = "setBusArrangements refused our own arrangement";
        return false;
    }
    for (size_t i = 0; i < buses_.size(); ++i)
        component_->activateBus(kAudio, kOutput, static_cast<int32>(i),
                                (buses_[i].defaultActive || activateAux) ? 1 : 0);
    component_->activateBus(kEvent, kInput, 0, 1);
    component_->activateBus(kEvent, kOutput, 0, 1);

    ProcessSetup setup{processMode, sampleSize, maxBlock, sampleRate};
    tresult rc = processor_->setupProcessing(setup);
    if (rc != kResultOk) {
        error = "setupProcessing refused (" + std::to_string(sampleRate) + " Hz, " + std::to_string(maxBlock) +
                " samples): " + std::to_string(rc);
        return false;
    }
    maxBlock_ = maxBlock;
    sampleSize_ = sampleSize;
    processMode_ = processMode;
    buffers32_.assign(buses_.size(), {});
    buffers64_.assign(buses_.size(), {});
    pointers32_.assign(buses_.size(), {});
    pointers64_.assign(buses_.size(), {});
    outputs_.assign(buses_.size(), AudioBusBuffers{});
    for (size_t b = 0; b < buses_.size(); ++b) {
        const auto channels = static_cast<size_t>(buses_[b].channels);
        buffers32_[b].assign(channels, std::vector<float>(static_cast<size_t>(maxBlock), 0.0f));
        buffers64_[b].assign(channels, std::vector<double>(static_cast<size_t>(maxBlock), 0.0));
        for (size_t c = 0; c < channels; ++c) {
            pointers32_[b].push_back(buffers32_[b][c].data());
            pointers64_[b].push_back(buffers64_[b][c].data());
        }
        outputs_[b].numChannels = buses_[b].channels;
        if (sampleSize == kSample64)
            outputs_[b].channelBuffers64 = pointers64_[b].data();
        else
            outputs_[b].channelBuffers32 = pointers32_[b].data();
    }
    return true;
}

bool PluginInstance::start(std::string& error) {
    if (component_->setActive(1) != kResultOk) {
        error = "setActive(true) failed";
        return false;
    }
    active_ = true;
    processor_->setProcessing(1); // hosts ignore kNotImplemented here
    processing_ = true;
    return true;
}

void PluginInstance::stop() {
    if (processing_ && processor_ != nullptr) processor_->setProcessing(0);
    processing_ = false;
    if (active_ && component_ != nullptr) component_->setActive(0);
    active_ = false;
}

tresult PluginInstance::process(int32_t numSamples, EventList* events, ParameterChanges* params,
                                ProcessContext* context) {
    // Poison the outputs: whatever the plug-in does not write stays NaN and fails the tests.
    const float nan32 = std::numeric_limits<float>::quiet_NaN();
    const double nan64 = std::numeric_limits<double>::quiet_NaN();
    for (size_t b = 0; b < buses_.size(); ++b)
        for (int32_t c = 0; c < buses_[b].channels; ++c) {
            if (sampleSize_ == kSample64)
                std::fill_n(pointers64_[b][static_cast<size_t>(c)], std::min(numSamples, maxBlock_), nan64);
            else
                std::fill_n(pointers32_[b][static_cast<size_t>(c)], std::min(numSamples, maxBlock_), nan32);
        }
    outEvents_->clear();
    ProcessData data{};
    data.processMode = processMode_;
    data.symbolicSampleSize = sampleSize_;
    data.numSamples = numSamples;
    data.numInputs = 0;
    data.numOutputs = static_cast<int32>(outputs_.size());
    data.outputs = outputs_.data();
    data.inputParameterChanges = params;
    data.inputEvents = events;
    data.outputEvents = outEvents_;
    data.processContext = context;
    return processor_->process(data);
}

const float* PluginInstance::output32(int32_t bus, int32_t channel) const {
    return pointers32_[static_cast<size_t>(bus)][static_cast<size_t>(channel)];
}

const double* PluginInstance::output64(int32_t bus, int32_t channel) const {
    return pointers64_[static_cast<size_t>(bus)][static_cast<size_t>(channel)];
}

std::vector<uint8_t> PluginInstance::saveState(std::string& error) {
    auto* stream = new MemoryStream();
    tresult rc = component_->getState(stream);
    std::vector<uint8_t> bytes = stream->bytes();
    stream->release();
    if (rc != kResultOk) error = "getState failed with " + std::to_string(rc);
    return bytes;
}

bool PluginInstance::loadState(const std::vector<uint8_t>& bytes, int32_t maxChunk, std::string& error) {
    auto* stream = new MemoryStream(bytes, maxChunk);
    tresult rc = component_->setState(stream);
    stream->release();
    if (rc != kResultOk) {
        error = "setState refused with " + std::to_string(rc);
        return false;
    }
    return syncController(bytes);
}

bool PluginInstance::syncController(const std::vector<uint8_t>& bytes) {
    if (controller_ == nullptr) return true;
    auto* stream = new MemoryStream(bytes);
    tresult rc = controller_->setComponentState(stream);
    stream->release();
    return rc == kResultOk;
}

bool PluginInstance::hasParameter(ParamID id) const {
    if (controller_ == nullptr) return false;
    for (int32 i = 0; i < controller_->getParameterCount(); ++i) {
        ParameterInfo info{};
        if (controller_->getParameterInfo(i, info) == kResultOk && info.id == id) return true;
    }
    return false;
}

IMessage* PluginInstance::newMessage(const char* id) {
    void* object = nullptr;
    TUID cid{}, iid{};
    std::memcpy(cid, IMessage::iid.bytes, sizeof(TUID));
    std::memcpy(iid, IMessage::iid.bytes, sizeof(TUID));
    if (hostApp_ == nullptr || hostApp_->createInstance(cid, iid, &object) != kResultOk || object == nullptr) return nullptr;
    auto* message = static_cast<IMessage*>(object);
    message->setMessageID(id);
    return message;
}

tresult PluginInstance::notifyComponent(IMessage* message) {
    if (componentCP_ == nullptr) return kNoInterface;
    return componentCP_->notify(message);
}

ParamID PluginInstance::findParameter(const std::string& title) const {
    if (controller_ == nullptr) return 0xFFFFFFFFu;
    for (int32 i = 0; i < controller_->getParameterCount(); ++i) {
        ParameterInfo info{};
        if (controller_->getParameterInfo(i, info) == kResultOk && utf16ToUtf8(info.title) == title) return info.id;
    }
    return 0xFFFFFFFFu;
}

} // namespace sideman::host
