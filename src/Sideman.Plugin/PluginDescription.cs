using System.Text;
using System.Text.Json;
using Sideman.Engine.Parameters;

namespace Sideman.Plugin;

/// <summary>The plugin description as JSON: identity, buses and every parameter (for moduleinfo.json and debugging).</summary>
public static class PluginDescription
{
    public static string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", SidemanPlugin.Name);
            json.WriteString("vendor", SidemanPlugin.Vendor);
            json.WriteString("version", SidemanPlugin.Version);
            json.WriteString("category", SidemanPlugin.Category);
            json.WriteNumber("abiVersion", Interop.BridgeAbi.AbiVersion);
            json.WriteStartArray("audioOutputs");
            foreach (BusDeclaration bus in SidemanPlugin.AudioOutputs)
            {
                json.WriteStartObject();
                json.WriteString("name", bus.Name);
                json.WriteNumber("channels", bus.ChannelCount);
                json.WriteString("kind", bus.IsMain ? "main" : "aux");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("eventInput", SidemanPlugin.EventInputName);
            json.WriteString("eventOutput", SidemanPlugin.EventOutputName);
            json.WriteStartArray("parameters");
            foreach (ParameterDefinition p in SidemanPlugin.Parameters.All)
            {
                json.WriteStartObject();
                json.WriteString("id", p.StringId);
                json.WriteNumber("paramId", p.Id);
                json.WriteString("title", p.Title);
                json.WriteString("shortTitle", p.ShortTitle);
                json.WriteString("units", p.Units);
                json.WriteNumber("stepCount", p.StepCount);
                json.WriteNumber("defaultNormalized", p.DefaultNormalized);
                json.WriteString("defaultText", p.FormatNormalized(p.DefaultNormalized));
                json.WriteString("flags", p.Flags.ToString());
                json.WriteNumber("midiController", p.MidiController);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
