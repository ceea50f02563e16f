// The factory as a host enumerates it (no .NET needed for this part).
#include <cstring>
#include <fstream>
#include <sstream>

#include "check.h"
#include "fixture.h"
#include "utf16.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {
std::string versionFile() {
    std::ifstream file(SIDEMAN_TEST_REPO "/VERSION");
    std::string v;
    std::getline(file, v);
    while (!v.empty() && (v.back() == '\r' || v.back() == ' ')) v.pop_back();
    return v;
}
const Uid kProcessor = makeUid(0x1C088231, 0xAB764FDB, 0x81424941, 0xFD40554D);
const Uid kController = makeUid(0x0876AA0B, 0x7A9B44B6, 0xA8028AC6, 0xF2921C91);
} // namespace

TEST_CASE(factory_classes) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    IPluginFactory* factory = loaded.module().factory();
    REQUIRE(loaded.module().factory3() != nullptr);

    PFactoryInfo fi{};
    CHECK(factory->getFactoryInfo(&fi) == kResultOk);
    CHECK(std::string(fi.vendor) == "Sideman");
    CHECK((fi.flags & PFactoryInfo::kUnicode) != 0);

    REQUIRE(factory->countClasses() == 2);
    PClassInfo c0{}, c1{};
    CHECK(factory->getClassInfo(0, &c0) == kResultOk);
    CHECK(factory->getClassInfo(1, &c1) == kResultOk);
    CHECK(uidEquals(c0.cid, kProcessor));
    CHECK(uidEquals(c1.cid, kController));
    CHECK(std::string(c0.category) == "Audio Module Class");
    CHECK(std::string(c1.category) == "Component Controller Class");
    CHECK(std::string(c0.name) == "Sideman");
    CHECK(c0.cardinality == PClassInfo::kManyInstances);
    CHECK(factory->getClassInfo(2, &c0) == kInvalidArgument);

    IPluginFactory3* f3 = loaded.module().factory3();
    PClassInfo2 i2{};
    CHECK(f3->getClassInfo2(0, &i2) == kResultOk);
    CHECK(std::string(i2.subCategories) == "Instrument|Synth");
    CHECK(std::string(i2.vendor) == "Sideman");
    CHECK_MSG(std::string(i2.version) == versionFile(), "class version " << i2.version << " vs VERSION " << versionFile());
    CHECK(std::string(i2.sdkVersion).rfind("VST 3", 0) == 0);
    PClassInfoW iw{};
    CHECK(f3->getClassInfoUnicode(0, &iw) == kResultOk);
    CHECK(utf16ToUtf8(iw.name) == "Sideman");
    CHECK(utf16ToUtf8(iw.version) == versionFile());
    CHECK(uidEquals(iw.cid, kProcessor));

    // Unknown class and unknown interface are refused cleanly.
    void* obj = reinterpret_cast<void*>(1);
    Uid unknown = makeUid(1, 2, 3, 4);
    CHECK(factory->createInstance(unknown.bytes, IComponent::iid.bytes, &obj) != kResultOk && obj == nullptr);
    obj = reinterpret_cast<void*>(1);
    CHECK(factory->createInstance(kProcessor.bytes, makeUid(0x5BC32507, 0xD06049EA, 0xA6151B52, 0x2B755B29) /* IPlugView */.bytes, &obj) != kResultOk && obj == nullptr);
}
