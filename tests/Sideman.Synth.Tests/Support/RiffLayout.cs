using System.Buffers.Binary;
using System.Text;

namespace Sideman.Synth.Tests.Support;

/// <summary>Where each chunk of an SF2 sits in its bytes, so tests can damage precise fields.</summary>
internal sealed class RiffLayout
{
    public sealed record Chunk(string Id, int HeaderOffset, int DataOffset, int Size);

    private RiffLayout(List<Chunk> chunks) => Chunks = chunks;

    public List<Chunk> Chunks { get; }

    public Chunk this[string id] => Chunks.First(c => c.Id == id);

    /// <summary>Walks RIFF → LIST(INFO|sdta|pdta) → sub-chunks of a well-formed file.</summary>
    public static RiffLayout Parse(byte[] bytes)
    {
        var chunks = new List<Chunk> { new("RIFF", 0, 12, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) - 4) };
        Walk(bytes, 12, bytes.Length, chunks);
        return new RiffLayout(chunks);
    }

    private static void Walk(byte[] bytes, int start, int end, List<Chunk> chunks)
    {
        int pos = start;
        while (pos + 8 <= end)
        {
            string id = Encoding.ASCII.GetString(bytes, pos, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            if (id == "LIST")
            {
                string type = Encoding.ASCII.GetString(bytes, pos + 8, 4);
                chunks.Add(new Chunk("LIST:" + type, pos, pos + 12, size - 4));
                Walk(bytes, pos + 12, pos + 8 + size, chunks);
            }
            else
            {
                chunks.Add(new Chunk(id, pos, pos + 8, size));
            }
            pos += 8 + size + (size & 1);
        }
    }
}
