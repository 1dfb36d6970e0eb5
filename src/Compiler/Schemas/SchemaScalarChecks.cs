using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>The keywords that constrain a single value: string length, pattern and format; number bounds.</summary>
internal static class SchemaScalarChecks
{
    public static bool Check(SchemaNode s, JsonValue value, JsonTypes kind, SchemaValidator report)
    {
        var ok = true;
        if (kind == JsonTypes.String)
        {
            var text = value.GetValue<string>();
            if (s.MinLength is not null || s.MaxLength is not null)
            {
                var length = SchemaValues.CodePoints(text);
                if (s.MinLength is { } min && length < min)
                    ok = report.Fail(length == 0 ? "must not be empty" : $"{SchemaMessages.Quote(text)} is shorter than the minimum length {min}");
                if (s.MaxLength is { } max && length > max)
                    ok = report.Fail($"{SchemaMessages.Quote(text)} is {length} characters long; at most {max} are allowed");
            }
            if (s.Pattern is { } pattern && !pattern.IsMatch(text))
                ok = report.Fail($"{SchemaMessages.Quote(text)} does not match the pattern {pattern}");
            if (s.Format is { } format && !SchemaFormats.Matches(format, text))
            {
                var expected = SchemaFormats.Describe(format);
                ok = report.Fail($"{SchemaMessages.Quote(text)} is not {expected}", expected: expected);
            }
        }
        else if ((kind & JsonTypes.Number) != 0 && SchemaValues.NumberOf(value) is { } n)
        {
            var shown = SchemaMessages.Number(n);
            if (s.Minimum is { } min && n < min) ok = report.Fail($"{shown} is less than the minimum {SchemaMessages.Number(min)}");
            if (s.ExclusiveMinimum is { } emin && n <= emin) ok = report.Fail($"{shown} must be greater than {SchemaMessages.Number(emin)}");
            if (s.Maximum is { } max && n > max) ok = report.Fail($"{shown} is greater than the maximum {SchemaMessages.Number(max)}");
            if (s.ExclusiveMaximum is { } emax && n >= emax) ok = report.Fail($"{shown} must be less than {SchemaMessages.Number(emax)}");
        }
        return ok;
    }
}
