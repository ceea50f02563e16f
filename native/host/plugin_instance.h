// One plug-in instance driven as a DAW drives it: component + controller created from the
// factory, connected, buses arranged and activated, processing set up, blocks processed,
// state saved and restored, and everything torn down in the right order.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "host_objects.h"
#include "vst3/vst3.h"
#include "vst3_module.h"

namespace sideman::host {

struct BusDescription {
    std::string name;
    int32_t channels = 0;
    bool main = false;
    bool defaultActive = false;
};

// The VST3 ParamID of a stable string id: FNV-1a 32-bit over its UTF-8 bytes, masked to 31 bits
// (docs/CONVENTIONS.md).
vst3::ParamID paramIdOf(const std::string& stringId);

class PluginInstance {
public:
    // Creates and initializes the first "Audio Module Class" of the module and its controller,
    // then connects them. Null with error on failure.
    static std::unique_ptr<PluginInstance> create(Vst3Module& module, std::string& error);
    ~PluginInstance();

    // setBusArrangements (stereo everywhere) + setupProcessing. activateAux: activate every
    // aux output bus too (as a host does when the user routes stems).
    bool setup(double sampleRate, int32_t maxBlock, int32_t sampleSize, int32_t processMode, bool activateAux,
               std::string& error);
    bool start(std::string& error); // setActive(true) + setProcessing(true)
    void stop();                    // setProcessing(false) + setActive(false)

    // One block. Output buffers are owned here; read them with output().
    vst3::tresult process(int32_t numSamples, EventList* events, ParameterChanges* params,
                          vst3::ProcessContext* context);
    const float* output32(int32_t bus, int32_t channel) const;
    const double* output64(int32_t bus, int32_t channel) const;
    uint64_t silenceFlags(int32_t bus) const { return outputs_[static_cast<size_t>(bus)].silenceFlags; }
    EventList& outputEvents() { return *outEvents_; }

    std::vector<uint8_t> saveState(std::string& error);
    bool loadState(const std::vector<uint8_t>& bytes, int32_t maxChunk, std::string& error);
    bool syncController(const std::vector<uint8_t>& bytes); // setComponentState

    vst3::IComponent* component() const { return component_; }
    vst3::IAudioProcessor* processor() const { return processor_; }
    vst3::IEditController* controller() const { return controller_; }
    HostApplication& hostApp() { return *hostApp_; }
    ComponentHandler& handler() { return *handler_; }
    const std::vector<BusDescription>& outputBuses() const { return buses_; }
    vst3::ParamID findParameter(const std::string& title) const; // by title, 0xFFFFFFFF if none
    bool hasParameter(vst3::ParamID id) const;                   // the controller lists it

    // A new message with this id, made by the host application as hosts make them (the caller owns
    // one reference), and delivery to the component's IConnectionPoint, as the controller or an
    // editor sends it; notifyComponent returns what the component's notify answered.
    vst3::IMessage* newMessage(const char* id);
    vst3::tresult notifyComponent(vst3::IMessage* message);

private:
    PluginInstance() = default;
    void teardown();

    HostApplication* hostApp_ = nullptr;
    ComponentHandler* handler_ = nullptr;
    EventList* outEvents_ = nullptr;
    vst3::IComponent* component_ = nullptr;
    vst3::IAudioProcessor* processor_ = nullptr;
    vst3::IEditController* controller_ = nullptr;
    vst3::IConnectionPoint* componentCP_ = nullptr;
    vst3::IConnectionPoint* controllerCP_ = nullptr;
    bool active_ = false;
    bool processing_ = false;

    std::vector<BusDescription> buses_;
    int32_t maxBlock_ = 0;
    int32_t sampleSize_ = vst3::kSample32;
    int32_t processMode_ = vst3::kRealtime;
    std::vector<std::vector<std::vector<float>>> buffers32_;  // [bus][channel][sample]
    std::vector<std::vector<std::vector<double>>> buffers64_;
    std::vector<std::vector<float*>> pointers32_;
    std::vector<std::vector<double*>> pointers64_;
    std::vector<vst3::AudioBusBuffers> outputs_;
};

} // namespace sideman::host
