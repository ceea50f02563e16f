using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Sideman.Model.Onnx;

/// <summary>A fixed list of names as NUL-terminated UTF-8 in pinned memory, with a pinned array of pointers to them (ORT's <c>const char* const*</c>).</summary>
internal sealed unsafe class Utf8NameTable
{
    private readonly byte[] _bytes;
    private readonly nint[] _pointers;

    public Utf8NameTable(IReadOnlyList<string> names)
    {
        Names = names;
        int total = 0;
        foreach (string n in names)
        {
            total += Encoding.UTF8.GetByteCount(n) + 1;
        }
        _bytes = OrtTensor.AllocatePinned<byte>(total);
        _pointers = OrtTensor.AllocatePinned<nint>(names.Count);
        byte* basePtr = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));
        int at = 0;
        for (int i = 0; i < names.Count; i++)
        {
            _pointers[i] = (nint)(basePtr + at);
            at += Encoding.UTF8.GetBytes(names[i], _bytes.AsSpan(at)) + 1; // the array is zeroed: the NUL is there
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public byte** Pointers => (byte**)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_pointers));
}
