// The audio processor component: IComponent + IAudioProcessor for the host, a thin
// translator onto the managed plugin's processor behind the bridge ABI.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "com_object.h"
#include "sideman/bridge_abi.h"
#include "vst3/ivstaudioprocessor.h"
#include "vst3/ivstcomponent.h"
#include "vst3/ivsthostapplication.h"
#include "vst3/ivstmessage.h"

namespace sideman {

class Processor final : public ComObject,
                        public vst3::IComponent,
                        public vst3::IAudioProcessor,
                        public vst3::IProcessContextRequirements,
                        public vst3::IConnectionPoint {
public:
    explicit Processor(const SmApi& api);
    ~Processor() override;

    // FUnknown
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT

    // IPluginBase [main]
    vst3::tresult VST3_API initialize(vst3::FUnknown* context) override;
    vst3::tresult VST3_API terminate() override;

    // IComponent [main]
    vst3::tresult VST3_API getControllerClassId(vst3::TUID classId) override;
    vst3::tresult VST3_API setIoMode(vst3::IoMode mode) override;
    vst3::int32 VST3_API getBusCount(vst3::MediaType type, vst3::BusDirection dir) override;
    vst3::tresult VST3_API getBusInfo(vst3::MediaType type, vst3::BusDirection dir, vst3::int32 index,
                                      vst3::BusInfo& bus) override;
    vst3::tresult VST3_API getRoutingInfo(vst3::RoutingInfo& inInfo, vst3::RoutingInfo& outInfo) override;
    vst3::tresult VST3_API activateBus(vst3::MediaType type, vst3::BusDirection dir, vst3::int32 index,
                                       vst3::TBool state) override;
    vst3::tresult VST3_API setActive(vst3::TBool state) override;
    vst3::tresult VST3_API setState(vst3::IBStream* state) override;
    vst3::tresult VST3_API getState(vst3::IBStream* state) override;

    // IAudioProcessor
    vst3::tresult VST3_API setBusArrangements(vst3::SpeakerArrangement* inputs, vst3::int32 numIns,
                                              vst3::SpeakerArrangement* outputs, vst3::int32 numOuts) override;
    vst3::tresult VST3_API getBusArrangement(vst3::BusDirection dir, vst3::int32 index,
                                             vst3::SpeakerArrangement& arr) override;
    vst3::tresult VST3_API canProcessSampleSize(vst3::int32 symbolicSampleSize) override;
    vst3::uint32 VST3_API getLatencySamples() override;
    vst3::tresult VST3_API setupProcessing(vst3::ProcessSetup& setup) override;
    vst3::tresult VST3_API setProcessing(vst3::TBool state) override;
    vst3::tresult VST3_API process(vst3::ProcessData& data) override; // [audio]
    vst3::uint32 VST3_API getTailSamples() override;

    // IProcessContextRequirements
    vst3::uint32 VST3_API getProcessContextRequirements() override;

    // IConnectionPoint [main]
    vst3::tresult VST3_API connect(vst3::IConnectionPoint* other) override;
    vst3::tresult VST3_API disconnect(vst3::IConnectionPoint* other) override;
    vst3::tresult VST3_API notify(vst3::IMessage* message) override;

    // The largest block the managed side is set up for; longer host blocks are split.
    static constexpr int32_t kMaxManagedBlock = 8192;
    static constexpr int32_t kEventCapacity = 4096;
    static constexpr int32_t kParamPointCapacity = 8192;
    static constexpr int32_t kOutEventCapacity = 4096;

private:
    void allocateBlockBuffers();
    static void silenceOutputs(vst3::ProcessData& data, int32_t numSamples);
    void processChunk(vst3::ProcessData& data, int32_t start, int32_t length, int32_t& eventCursor,
                      int32_t& pointCursor, bool& failed); // [audio]
    void sendStateToController(const std::vector<uint8_t>& bytes);
    void sendStatusToController(bool evenIfUnchanged); // [main]
    vst3::tresult setPartSoundFont(vst3::IMessage* message); // [main]
    vst3::tresult setChart(vst3::IMessage* message);         // [main]
    vst3::tresult editorFrame(vst3::IMessage* message);      // [main] processor_editor_frame.cpp
    void reportAudioThreadTrouble();

    const SmApi& api_;
    SmPluginDesc desc_{};
    SmHandle handle_ = nullptr;
    vst3::IHostApplication* host_ = nullptr;
    vst3::IConnectionPoint* peer_ = nullptr;

    // Hosts may (de)activate buses while processing runs on another thread: relaxed atomics.
    std::array<std::atomic<int32_t>, SM_MAX_BUSES> busActive_{};
    std::atomic<int32_t> eventInActive_{1};
    std::atomic<int32_t> eventOutActive_{1};

    SmSetup setup_{44100.0, 1024, SM_SAMPLE_32, SM_MODE_REALTIME, 0};
    bool setupDone_ = false;
    bool active_ = false;
    bool processing_ = false; // what the managed processor was last told through setProcessing

    // Preallocated at construction: the audio thread only indexes into these.
    std::vector<SmEvent> events_, eventScratch_, outEvents_;
    std::vector<SmEvent> pendingEvents_; // from 0-sample calls, played at the next block's start
    int32_t pendingEventCount_ = 0;      // [audio]
    std::vector<SmParamPoint> points_, pointScratch_;
    std::vector<SmAudioBus> buses_;
    std::vector<std::vector<void*>> channelPointers_;
    SmProcessBlock block_{};
    SmTransport transport_{};
    std::u16string statusSent_;        // last status text sent to the controller
    std::unique_ptr<SmEditorFrame> editorFrame_;   // [main] the editor's frame answer, made on first request
    std::vector<char16_t> editorChart_;             // [main] and room for the chart text
    bool statusEverSent_ = false;

    // Audio-thread trouble counters, reported later from the main thread.
    std::atomic<int32_t> droppedEvents_{0};
    std::atomic<int32_t> droppedPoints_{0};
    std::atomic<int32_t> managedFailures_{0};
    std::atomic<int32_t> offBusEvents_{0}; // input events on a bus index we do not have
};

} // namespace sideman
