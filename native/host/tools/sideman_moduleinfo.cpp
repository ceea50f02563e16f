// sideman-moduleinfo BUNDLE [OUT.json]: loads the module like a host and writes the
// moduleinfo.json that hosts read instead of loading the binary (SDK moduleinfo format).
#include <cstdio>
#include <string>
#include <vector>

#include "utf16.h"
#include "utf8_system.h"
#include "vst3/vst3.h"
#include "vst3_module.h"

using namespace sideman::host;

namespace {

std::string jsonEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out;
}

// The class id as hosts and the SDK's moduleinfo write it: its four 32-bit words in hex, the same on
// every OS. Windows stores ids in COM byte order (the GUID's first three fields little-endian), so
// the bytes are read back in that order there.
std::string cidString(const char* cid) {
#if VST3_COM_COMPATIBLE
    constexpr int order[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
#else
    constexpr int order[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
#endif
    std::string out;
    char buffer[3];
    for (int i = 0; i < 16; ++i) {
        std::snprintf(buffer, sizeof buffer, "%02X", static_cast<unsigned char>(cid[order[i]]));
        out += buffer;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> arguments = commandLineArguments(argc, argv); // UTF-8 on every OS
    if (arguments.size() < 2 || arguments.size() > 3) {
        std::fprintf(stderr, "usage: sideman-moduleinfo BUNDLE.vst3 [OUT.json]\n");
        return 2;
    }
    Vst3Module module;
    std::string error;
    if (!module.load(arguments[1], error)) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    vst3::IPluginFactory* factory = module.factory();
    vst3::PFactoryInfo fi{};
    factory->getFactoryInfo(&fi);
    std::string json = "{\n";
    std::string name;
    std::string version;
    std::string classes;
    vst3::IPluginFactory2* f2 = nullptr;
    factory->queryInterface(vst3::IPluginFactory2::iid.bytes, reinterpret_cast<void**>(&f2));
    for (int i = 0; i < factory->countClasses(); ++i) {
        vst3::PClassInfo2 ci{};
        if (f2 == nullptr || f2->getClassInfo2(i, &ci) != vst3::kResultOk) continue;
        if (name.empty() && std::string(ci.category) == "Audio Module Class") {
            name = ci.name;
            version = ci.version;
        }
        std::string subs;
        std::string all = ci.subCategories;
        size_t start = 0;
        while (!all.empty() && start <= all.size()) {
            size_t bar = all.find('|', start);
            std::string part = all.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
            if (!part.empty()) subs += std::string(subs.empty() ? "" : ",\n") + "        \"" + jsonEscape(part) + "\"";
            if (bar == std::string::npos) break;
            start = bar + 1;
        }
        char numbers[128];
        std::snprintf(numbers, sizeof numbers, "      \"Class Flags\": %u,\n      \"Cardinality\": %d,\n", ci.classFlags,
                      ci.cardinality);
        classes += std::string(classes.empty() ? "" : ",\n") + "    {\n" +
                   "      \"CID\": \"" + cidString(ci.cid) + "\",\n" +
                   "      \"Category\": \"" + jsonEscape(ci.category) + "\",\n" +
                   "      \"Name\": \"" + jsonEscape(ci.name) + "\",\n" +
                   "      \"Vendor\": \"" + jsonEscape(ci.vendor) + "\",\n" +
                   "      \"Version\": \"" + jsonEscape(ci.version) + "\",\n" +
                   "      \"SDKVersion\": \"" + jsonEscape(ci.sdkVersion) + "\",\n" +
                   "      \"Sub Categories\": [" + (subs.empty() ? "" : "\n" + subs + "\n      ") + "],\n" + numbers +
                   "      \"Snapshots\": []\n    }";
    }
    if (f2 != nullptr) f2->release();
    auto flag = [&](int bit) { return (fi.flags & bit) ? "true" : "false"; };
    json += "  \"Name\": \"" + jsonEscape(name) + "\",\n";
    json += "  \"Version\": \"" + jsonEscape(version) + "\",\n";
    json += "  \"Factory Info\": {\n";
    json += "    \"Vendor\": \"" + jsonEscape(fi.vendor) + "\",\n";
    json += "    \"URL\": \"" + jsonEscape(fi.url) + "\",\n";
    json += "    \"E-Mail\": \"" + jsonEscape(fi.email) + "\",\n";
    json += "    \"Flags\": {\n";
    json += std::string("      \"Unicode\": ") + flag(vst3::PFactoryInfo::kUnicode) + ",\n";
    json += std::string("      \"Classes Discardable\": ") + flag(vst3::PFactoryInfo::kClassesDiscardable) + ",\n";
    json += std::string("      \"Component Non Discardable\": ") + flag(vst3::PFactoryInfo::kComponentNonDiscardable) +
            "\n    }\n  },\n";
    json += "  \"Compatibility\": [],\n";
    json += "  \"Classes\": [\n" + classes + "\n  ]\n}\n";
    if (name.empty()) {
        std::fprintf(stderr, "error: the module lists no Audio Module Class\n");
        return 1;
    }
    // Prove the bundle works before describing it: create and initialize the processor,
    // which starts .NET from the bundle and asks the managed plugin for its description.
    {
        vst3::PClassInfo ci{};
        factory->getClassInfo(0, &ci);
        void* object = nullptr;
        if (factory->createInstance(ci.cid, vst3::IComponent::iid.bytes, &object) != vst3::kResultOk || !object) {
            std::fprintf(stderr, "error: the module cannot create its processor (the reason is in the Sideman log)\n");
            return 1;
        }
        auto* component = static_cast<vst3::IComponent*>(object);
        const bool ok = component->initialize(nullptr) == vst3::kResultOk &&
                        component->getBusCount(vst3::kAudio, vst3::kOutput) > 0;
        component->terminate();
        component->release();
        if (!ok) {
            std::fprintf(stderr, "error: the processor did not initialize or declares no audio output\n");
            return 1;
        }
    }
    if (arguments.size() == 3) {
        std::FILE* f = openFile(arguments[2], "wb");
        if (f == nullptr || std::fputs(json.c_str(), f) < 0 || std::fclose(f) != 0) {
            std::fprintf(stderr, "error: cannot write %s\n", arguments[2].c_str());
            return 1;
        }
    } else {
        std::fputs(json.c_str(), stdout);
    }
    return 0;
}
