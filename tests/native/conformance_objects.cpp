// Conformance: the COM side. Factory class info (PClassInfo/2/W agree, subcategories), "Scan
// Editor Classes", queryInterface round trips, COM identity and reference counts for every
// interface of every object, IConnectionPoint misuse, disconnect and reconnect, and the
// controller synced from the processor's exact state (setComponentState).
#include <cmath>
#include <cstring>
#include <set>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"
#include "utf16.h"

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {
const Uid kIPlugView = makeUid(0x5BC32507, 0xD06049EA, 0xA6151B52, 0x2B755B29);
const Uid kIUnitInfo = makeUid(0x3D4BD6B5, 0x913A4FD2, 0xA886E768, 0xA5EB92C1);

struct Offered {
    const char* name;
    Uid iid;
};

// Every offered interface: QI gives a non-null pointer with one more reference, QI(FUnknown) from
// it gives the object's one identity, QI of every other offered interface from it works (COM
// symmetry/transitivity), and each release brings the count back. Refused ones null *obj.
void checkInterfaces(FUnknown* object, const std::vector<Offered>& offered, const std::vector<Offered>& refused,
                     const std::string& what) {
    void* identityPointer = nullptr;
    REQUIRE(object->queryInterface(FUnknown::iid.bytes, &identityPointer) == kResultOk && identityPointer != nullptr);
    auto* identity = static_cast<FUnknown*>(identityPointer);
    const uint32 base = identity->addRef() - 1;
    identity->release();
    for (const Offered& o : offered) {
        void* raw = nullptr;
        CHECK_MSG(object->queryInterface(o.iid.bytes, &raw) == kResultOk && raw != nullptr, what << " does not offer " << o.name);
        if (raw == nullptr) continue;
        auto* unknown = static_cast<FUnknown*>(raw);
        CHECK_MSG(unknown->addRef() == base + 2, what << "::" << o.name << ": QI did not add exactly one reference");
        unknown->release();
        void* again = nullptr;
        CHECK(unknown->queryInterface(FUnknown::iid.bytes, &again) == kResultOk);
        CHECK_MSG(again == identityPointer, what << "::" << o.name << ": QI(FUnknown) is not the object's identity");
        if (again != nullptr) static_cast<FUnknown*>(again)->release();
        for (const Offered& other : offered) {
            void* sideways = nullptr;
            CHECK_MSG(unknown->queryInterface(other.iid.bytes, &sideways) == kResultOk && sideways != nullptr,
                      what << ": " << o.name << " -> " << other.name << " fails");
            if (sideways != nullptr) static_cast<FUnknown*>(sideways)->release();
        }
        CHECK_MSG(unknown->release() == base, what << "::" << o.name << ": release does not return to the base count");
    }
    for (const Offered& o : refused) {
        void* raw = reinterpret_cast<void*>(0x1);
        CHECK_MSG(object->queryInterface(o.iid.bytes, &raw) == kNoInterface && raw == nullptr,
                  what << " answers for " << o.name << " or leaves *obj set");
    }
    CHECK(object->queryInterface(FUnknown::iid.bytes, nullptr) != kResultOk);
    const uint32 after = identity->addRef() - 1;
    identity->release();
    CHECK_MSG(after == base, what << ": reference count drifted from " << base << " to " << after);
    identity->release();
}
} // namespace

TEST_CASE(conformance_factory_class_info) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    IPluginFactory3* f = loaded.module().factory3();
    REQUIRE(f != nullptr);
    checkInterfaces(f, {{"FUnknown", FUnknown::iid}, {"IPluginFactory", IPluginFactory::iid},
                        {"IPluginFactory2", IPluginFactory2::iid}, {"IPluginFactory3", IPluginFactory3::iid}},
                    {{"IComponent", IComponent::iid}}, "factory");
    CHECK(f->getFactoryInfo(nullptr) != kResultOk);
    std::set<std::string> cids;
    for (int32 i = 0; i < f->countClasses(); ++i) {
        PClassInfo a{};
        PClassInfo2 b{};
        PClassInfoW w{};
        REQUIRE(f->getClassInfo(i, &a) == kResultOk && f->getClassInfo2(i, &b) == kResultOk &&
                f->getClassInfoUnicode(i, &w) == kResultOk);
        CHECK(std::memcmp(a.cid, b.cid, 16) == 0 && std::memcmp(a.cid, w.cid, 16) == 0);
        CHECK(cids.insert(std::string(a.cid, 16)).second);
        CHECK(std::string(a.category) == b.category && std::string(a.category) == w.category);
        CHECK(std::string(a.name) == b.name && std::string(a.name) == utf16ToUtf8(w.name));
        CHECK(std::string(b.vendor) == utf16ToUtf8(w.vendor) && std::string(b.version) == utf16ToUtf8(w.version));
        CHECK(std::string(b.sdkVersion) == utf16ToUtf8(w.sdkVersion));
        CHECK(std::string(b.subCategories) == w.subCategories && b.classFlags == w.classFlags);
        CHECK(a.cardinality == PClassInfo::kManyInstances);
        if (std::string(a.category) == "Audio Module Class") {
            std::string sub = b.subCategories;
            CHECK_MSG(sub.rfind("Instrument", 0) == 0, "subcategories '" << sub << "' do not start with Instrument");
            CHECK(std::string(b.sdkVersion).rfind("VST 3.", 0) == 0);
        }
    }
    CHECK(f->getClassInfo(f->countClasses(), nullptr) != kResultOk);
    CHECK(f->getClassInfo2(-1, nullptr) != kResultOk);
    PClassInfoW untouched{};
    untouched.cardinality = 77;
    CHECK(f->getClassInfoUnicode(5, &untouched) != kResultOk && untouched.cardinality == 77);
    // createInstance with nonsense: refused, *obj nulled, no crash.
    void* obj = reinterpret_cast<void*>(0x1);
    CHECK(f->createInstance(nullptr, IComponent::iid.bytes, &obj) != kResultOk && obj == nullptr);
    PClassInfo processor{};
    f->getClassInfo(0, &processor);
    obj = reinterpret_cast<void*>(0x1);
    CHECK(f->createInstance(processor.cid, nullptr, &obj) != kResultOk && obj == nullptr);
    CHECK(f->createInstance(processor.cid, IComponent::iid.bytes, nullptr) != kResultOk);
    CHECK(f->setHostContext(nullptr) == kResultOk);
}

TEST_CASE(conformance_interfaces_and_refcounts) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const int32_t baseline = loaded.liveObjects();
    {
        RawPlugin p(loaded.module());
        REQUIRE(p.ok() && p.initializeAndConnect());
        checkInterfaces(p.component,
                        {{"FUnknown", FUnknown::iid}, {"IPluginBase", IPluginBase::iid}, {"IComponent", IComponent::iid},
                         {"IAudioProcessor", IAudioProcessor::iid},
                         {"IProcessContextRequirements", IProcessContextRequirements::iid},
                         {"IConnectionPoint", IConnectionPoint::iid}},
                        {{"IEditController", IEditController::iid}, {"IMidiMapping", IMidiMapping::iid},
                         {"IPlugView", kIPlugView}, {"IPluginFactory", IPluginFactory::iid}},
                        "component");
        checkInterfaces(p.controller,
                        {{"FUnknown", FUnknown::iid}, {"IPluginBase", IPluginBase::iid},
                         {"IEditController", IEditController::iid}, {"IMidiMapping", IMidiMapping::iid},
                         {"IConnectionPoint", IConnectionPoint::iid}},
                        {{"IComponent", IComponent::iid}, {"IAudioProcessor", IAudioProcessor::iid},
                         {"IUnitInfo", kIUnitInfo}, {"IPlugView", kIPlugView}},
                        "controller");
        // "Scan Editor Classes": the component names a valid controller class, the factory's.
        TUID controllerCid{};
        CHECK(p.component->getControllerClassId(controllerCid) == kResultOk);
        CHECK(p.component->getControllerClassId(nullptr) != kResultOk);
        const char zero[16] = {};
        CHECK(std::memcmp(controllerCid, zero, 16) != 0);
        PClassInfo info{};
        CHECK(loaded.module().factory()->getClassInfo(1, &info) == kResultOk && std::memcmp(info.cid, controllerCid, 16) == 0);
        // "editor" is the one view: its interfaces and references are as well-behaved as the rest (released below,
        // nothing of it may stay alive); any other name gets null.
        IPlugView* view = p.controller->createView("editor");
        CHECK(view != nullptr);
        if (view != nullptr) {
            checkInterfaces(view,
                            {{"FUnknown", FUnknown::iid}, {"IPlugView", IPlugView::iid},
                             {"IPlugViewContentScaleSupport", IPlugViewContentScaleSupport::iid}},
                            {{"IEditController", IEditController::iid}, {"IComponent", IComponent::iid},
                             {"IPluginBase", IPluginBase::iid}},
                            "editor view");
            CHECK(view->removed() == kResultFalse); // never attached
            CHECK(view->release() == 0);
        }
        CHECK(p.controller->createView("Editor") == nullptr);
        CHECK(p.controller->createView("") == nullptr);
        CHECK(p.controller->createView(nullptr) == nullptr);
        // A message the plug-in allocates itself (host offers none) is a well-behaved object too.
        p.hostApp->offerMessages = false;
        auto* stream = new host::MemoryStream(stateOf(p.component));
        CHECK(p.component->setState(stream) == kResultOk);
        stream->release();
    }
    CHECK_MSG(loaded.liveObjects() == baseline, loaded.liveObjects() - baseline << " bridge objects outlive their release");
}

TEST_CASE(conformance_connection_points) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok());
    FUnknown* context = static_cast<IHostApplication*>(p.hostApp);
    REQUIRE(p.component->initialize(context) == kResultOk && p.controller->initialize(context) == kResultOk);
    p.controller->setComponentHandler(p.handler);
    IConnectionPoint* a = p.componentCP;
    IConnectionPoint* b = p.controllerCP;
    CHECK(a->connect(nullptr) == kInvalidArgument);
    CHECK(a->disconnect(b) != kResultOk); // never connected
    CHECK(a->connect(b) == kResultOk && b->connect(a) == kResultOk);
    CHECK(a->connect(b) == kResultFalse); // already connected
    CHECK(a->disconnect(a) != kResultOk && b->disconnect(b) != kResultOk);
    CHECK(a->notify(nullptr) == kInvalidArgument && b->notify(nullptr) == kInvalidArgument);

    const ParamID volume = paramId("master.volume");
    auto stateWithVolume = [&](double normalized) {
        // Another instance's state, with the volume changed through its audio path.
        RawPlugin other(loaded.module());
        std::vector<uint8_t> bytes;
        if (!other.ok() || !other.initializeAndConnect() || !other.setup(48000, 64) || other.component->setActive(1) != kResultOk)
            return bytes;
        auto* params = new host::ParameterChanges();
        params->add(volume, 0, normalized);
        ProcessData data = makeProcessData(0, nullptr, nullptr, params, nullptr, nullptr);
        other.processor->process(data);
        params->release();
        other.component->setActive(0);
        return stateOf(other.component);
    };
    auto load = [&](const std::vector<uint8_t>& bytes) {
        auto* stream = new host::MemoryStream(bytes);
        const tresult rc = p.component->setState(stream);
        stream->release();
        return rc;
    };
    const std::vector<uint8_t> quiet = stateWithVolume(0.25), loud = stateWithVolume(0.9);
    REQUIRE(!quiet.empty() && !loud.empty());
    CHECK(load(quiet) == kResultOk);
    CHECK_MSG(std::fabs(p.controller->getParamNormalized(volume) - 0.25) < 1e-9, "connected: controller did not follow");
    // Disconnected: the component loads, the controller hears nothing.
    CHECK(a->disconnect(b) == kResultOk && b->disconnect(a) == kResultOk);
    CHECK(a->disconnect(b) != kResultOk); // twice
    const int restarts = p.handler->restarts;
    CHECK(load(loud) == kResultOk);
    CHECK(std::fabs(p.controller->getParamNormalized(volume) - 0.25) < 1e-9);
    CHECK(p.handler->restarts == restarts);
    // Reconnected: it follows again.
    CHECK(a->connect(b) == kResultOk && b->connect(a) == kResultOk);
    CHECK(load(quiet) == kResultOk);
    CHECK(load(loud) == kResultOk);
    CHECK_MSG(std::fabs(p.controller->getParamNormalized(volume) - 0.9) < 1e-9, "reconnected: controller did not follow");
    CHECK(p.handler->restarts > restarts);

    // Messages the controller must not act on: unknown id, no payload, a damaged payload.
    auto send = [&](IConnectionPoint* target, const char* id, const void* payload, uint32 size) {
        IMessage* m = nullptr;
        void* obj = nullptr;
        p.hostApp->createInstance(const_cast<char*>(IMessage::iid.bytes), const_cast<char*>(IMessage::iid.bytes), &obj);
        m = static_cast<IMessage*>(obj);
        m->setMessageID(id);
        if (payload != nullptr) m->getAttributes()->setBinary("state", payload, size);
        const tresult rc = target->notify(m);
        m->release();
        return rc;
    };
    CHECK(send(b, "Somebody.Else", loud.data(), static_cast<uint32>(loud.size())) != kResultOk);
    CHECK(send(b, "Sideman.State", nullptr, 0) != kResultOk);
    std::vector<uint8_t> damaged(quiet.begin(), quiet.begin() + static_cast<long>(quiet.size() / 2));
    CHECK(send(b, "Sideman.State", damaged.data(), static_cast<uint32>(damaged.size())) != kResultOk);
    CHECK(std::fabs(p.controller->getParamNormalized(volume) - 0.9) < 1e-9);
    // The processor ignores whatever the controller (or anyone) sends it.
    CHECK(send(a, "Sideman.State", quiet.data(), static_cast<uint32>(quiet.size())) != kResultOk);
    CHECK(send(a, "anything", nullptr, 0) != kResultOk);
    CHECK(stateOf(p.component) == loud);
    CHECK(a->disconnect(b) == kResultOk && b->disconnect(a) == kResultOk);
    p.controller->setComponentHandler(nullptr);
    CHECK(p.controller->terminate() == kResultOk && p.component->terminate() == kResultOk);
}

// setComponentState with the processor's exact state: after random automation of every
// parameter, a fresh controller fed getState shows each saved parameter at the value the
// processor received, and each performance (hidden, unsaved) parameter at its default.
TEST_CASE(conformance_controller_follows_exact_state) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 256));
    REQUIRE(p.component->setActive(1) == kResultOk);
    std::vector<ParameterInfo> params;
    for (int32 i = 0; i < p.controller->getParameterCount(); ++i) {
        ParameterInfo info{};
        p.controller->getParameterInfo(i, info);
        params.push_back(info);
    }
    TestRandom random(5);
    std::vector<double> sent;
    auto* changes = new host::ParameterChanges();
    for (const ParameterInfo& info : params) {
        double v = random.unit();
        if (info.stepCount > 0) v = std::round(v * info.stepCount) / info.stepCount;
        changes->add(info.id, 17, 0.5);
        changes->add(info.id, 200, v); // the last point wins
        sent.push_back(v);
    }
    OutputBuffers buffers(kOutputBuses, kChannels, 256, kSample32);
    ProcessData data = makeProcessData(256, &buffers, nullptr, changes, nullptr, nullptr);
    REQUIRE(p.processor->process(data) == kResultOk);
    changes->release();
    const std::vector<uint8_t> state = stateOf(p.component);
    REQUIRE(!state.empty());

    RawPlugin fresh(loaded.module());
    REQUIRE(fresh.ok());
    REQUIRE(fresh.controller->initialize(static_cast<IHostApplication*>(fresh.hostApp)) == kResultOk);
    auto* stream = new host::MemoryStream(state, 3); // and in small reads
    CHECK(fresh.controller->setComponentState(stream) == kResultOk);
    stream->release();
    for (size_t i = 0; i < params.size(); ++i) {
        const bool saved = (params[i].flags & ParameterInfo::kIsHidden) == 0;
        const double expected = saved ? sent[i] : params[i].defaultNormalizedValue;
        CHECK_MSG(std::fabs(fresh.controller->getParamNormalized(params[i].id) - expected) < 1e-9,
                  utf16ToUtf8(params[i].title) << ": controller shows " << fresh.controller->getParamNormalized(params[i].id)
                                               << ", processor state holds " << expected);
    }
    // The processor's state holds what reached it through process(), nothing else: a value set
    // on the controller alone (a host that has not flushed it yet) is not in getState until the
    // host passes it through process(), here in a 0-sample flush (see native/README.md).
    const ParamID volume = paramId("master.volume");
    CHECK(p.controller->setParamNormalized(volume, 0.1) == kResultOk);
    CHECK_MSG(stateOf(p.component) == state, "a controller-only change reached the processor's state");
    auto* flush = new host::ParameterChanges();
    flush->add(volume, 0, 0.1);
    ProcessData flushData = makeProcessData(0, nullptr, nullptr, flush, nullptr, nullptr);
    CHECK(p.processor->process(flushData) == kResultOk);
    flush->release();
    const std::vector<uint8_t> flushed = stateOf(p.component);
    CHECK_MSG(flushed != state, "a 0-sample flush did not reach the processor's state");
    auto* check = new host::MemoryStream(flushed);
    CHECK(fresh.controller->setComponentState(check) == kResultOk);
    check->release();
    CHECK(std::fabs(fresh.controller->getParamNormalized(volume) - 0.1) < 1e-9);

    // And the state the controller saw is the one the processor keeps: a round trip is exact.
    auto* again = new host::MemoryStream(state);
    CHECK(p.component->setState(again) == kResultOk);
    again->release();
    CHECK(stateOf(p.component) == state);
    CHECK(fresh.controller->terminate() == kResultOk);
    p.component->setActive(0);
}
