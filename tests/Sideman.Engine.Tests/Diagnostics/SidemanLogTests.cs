using System.Text;
using Sideman.Engine.Diagnostics;

namespace Sideman.Engine.Tests.Diagnostics;

/// <summary>The log stays text that grep and editors read: control characters in messages are escaped.</summary>
public sealed class SidemanLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sideman-log-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteOne(Action<SidemanLog> write)
    {
        string path = Path.Combine(_folder, "sideman.log");
        File.Delete(path);
        write(new SidemanLog(path));
        return File.ReadAllText(path, Encoding.UTF8);
    }

    /// <summary>Every character of the file is printable, a space, or the newline that ends a line.</summary>
    private static void AssertPlainText(string text)
    {
        foreach (char c in text)
        {
            Assert.False(c != '\n' && (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029'),
                $"the log holds U+{(int)c:X4}: {text}");
        }
    }

    [Theory]
    [InlineData("plain text, nothing to do", "plain text, nothing to do")]
    [InlineData("nul\0here", "nul\\x00here")]
    [InlineData("cr\rlf", "cr\\x0Dlf")]
    [InlineData("tab\tesc\u001bdel\u007f", "tab\\x09esc\\x1Bdel\\x7F")]
    [InlineData("c1 \u0085 and \u009f", "c1 \\x85 and \\x9F")]
    [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
    [InlineData("pair \ud83c\udfb8 kept, accents é ü kept", "pair \ud83c\udfb8 kept, accents é ü kept")]
    [InlineData("first\nsecond", "first\n    second")]
    [InlineData("windows\r\nbreak", "windows\n    break")]
    [InlineData("trailing break\n", "trailing break")]
    [InlineData("C:\\path\\kept", "C:\\path\\kept")]
    public void Escape_turns_controls_into_visible_codes(string message, string expected)
    {
        Assert.Equal(expected, SidemanLog.Escape(message));
    }

    [Fact]
    public void Lone_surrogates_are_escaped_and_pairs_kept()
    {
        // Built in code: attribute strings cannot hold lone surrogates (metadata stores them as U+FFFD).
        const char high = '\ud800', low = '\udc00';
        Assert.Equal("lone high \\uD800 lone low \\uDC00 end", SidemanLog.Escape($"lone high {high} lone low {low} end"));
        Assert.Equal("at end \\uD83C", SidemanLog.Escape("at end \ud83c"));
        Assert.Equal("\\uDC00\\uD800", SidemanLog.Escape(new string([low, high])));
        Assert.Equal("\\uD800\ud800\udc00\\uDC00", SidemanLog.Escape(new string([high, high, low, low])));
        Assert.Equal("x\ud83c\udfb8", SidemanLog.Escape("x\ud83c\udfb8"));
    }

    [Fact]
    public void A_message_with_raw_bytes_is_one_text_record()
    {
        string text = WriteOne(log => log.Warn("state", "found 'x\0\r\u001b\u0090y' in the blob"));
        AssertPlainText(text);
        Assert.EndsWith("[state] found 'x\\x00\\x0D\\x1B\\x90y' in the blob\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Stack_trace_lines_stay_readable_as_indented_continuation_lines()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("bad\0thing");
        }
        catch (InvalidOperationException ex)
        {
            caught = ex;
        }
        string text = WriteOne(log => log.Error("bridge", "failed", caught));
        AssertPlainText(text);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("ERROR [bridge] failed: InvalidOperationException: bad\\x00thing", lines[0]);
        Assert.True(lines.Length >= 2, text);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("    ", line));
        Assert.Contains(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Contains(nameof(Stack_trace_lines_stay_readable_as_indented_continuation_lines)));
    }

    [Fact]
    public void An_exception_without_a_stack_trace_leaves_no_empty_line()
    {
        string text = WriteOne(log => log.Error("bridge", "failed", new InvalidOperationException("never thrown")));
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("never thrown\n", text);
    }

    [Fact]
    public void The_source_tag_is_escaped_too()
    {
        string text = WriteOne(log => log.Info("so\nurce", "message"));
        AssertPlainText(text);
        Assert.Contains("[so\n    urce] message", text);
    }
}
