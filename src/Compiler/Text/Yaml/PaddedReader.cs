namespace Meshc.Compiler.Text.Yaml;

/// <summary>
/// Reads <paramref name="text"/> from <paramref name="offset"/> as if <paramref name="blankLines"/> empty lines came
/// first, without making that text: YAML read from the middle of a file keeps its line numbers, at no cost in memory.
/// </summary>
public sealed class PaddedReader(string text, int offset, int blankLines) : TextReader
{
    private int _blank = blankLines;
    private int _at = offset;

    public override int Peek() => _blank > 0 ? '\n' : _at < text.Length ? text[_at] : -1;

    public override int Read()
    {
        if (_blank > 0)
        {
            _blank--;
            return '\n';
        }
        return _at < text.Length ? text[_at++] : -1;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = 0;
        while (n < buffer.Length && _blank > 0)
        {
            buffer[n++] = '\n';
            _blank--;
        }
        var rest = Math.Min(buffer.Length - n, text.Length - _at);
        text.AsSpan(_at, rest).CopyTo(buffer[n..]);
        _at += rest;
        return n + rest;
    }
}
