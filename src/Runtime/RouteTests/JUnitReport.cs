using System.Globalization;
using System.Text;
using System.Xml;

namespace Meshc.Runtime.RouteTests;

/// <summary>
/// The results as JUnit XML, the format CI systems read: one <c>testsuite</c> per test file, one <c>testcase</c> per
/// test (with its file and line), a <c>failure</c> per failed test listing every check that did not hold. The route
/// coverage is a property of the suites. No timestamps or durations, so the same run gives the same bytes.
/// </summary>
public static class JUnitReport
{
    public static string Render(RouteTestRun run, CoverageReport coverage)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "meshc test");
            xml.WriteAttributeString("tests", Count(run.Results.Count));
            xml.WriteAttributeString("failures", Count(run.Failed));
            xml.WriteAttributeString("errors", "0");
            foreach (var file in run.Results.GroupBy(r => r.File.Path))
            {
                var results = file.ToList();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", file.Key);
                xml.WriteAttributeString("tests", Count(results.Count));
                xml.WriteAttributeString("failures", Count(results.Count(r => !r.Passed)));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                xml.WriteStartElement("properties");
                Property(xml, "route-coverage", CoverageReport.Format(coverage.Percent));
                Property(xml, "route-coverage-measure", coverage.Comprehensive ? "all fields (--covall)" : "routes hit");
                xml.WriteEndElement();
                foreach (var result in results)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("name", result.Test.Name);
                    xml.WriteAttributeString("classname", file.Key);
                    xml.WriteAttributeString("file", file.Key);
                    xml.WriteAttributeString("line", Count(result.Test.At.Line));
                    if (!result.Passed)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", result.Failures[0].Message);
                        xml.WriteAttributeString("type", result.Failures[0].TestType);
                        xml.WriteString(string.Join("\n", result.Failures.Select(f => $"{f.Check.At}: {f.Message}")));
                        xml.WriteEndElement();
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return text.Append('\n').ToString();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    // A StringWriter reports UTF-16; the declaration must say what the file is written in.
    private sealed class StringWriterUtf8(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding { get; } = new UTF8Encoding(false);
    }
}
