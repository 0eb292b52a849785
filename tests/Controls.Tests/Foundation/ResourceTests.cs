using System.Xml.Linq;

namespace Controls.Tests.Foundation;

/// <summary>Every text exists in Japanese and English.</summary>
public class ResourceTests
{
    private static Dictionary<string, string> Read(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Controls.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir!.FullName, "src", "Controls.Web", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");
    }

    [Fact]
    public void Japanese_and_English_have_the_same_keys_and_no_empty_text()
    {
        var japanese = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");
        Assert.Equal(japanese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(japanese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        Assert.All(english, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var japanese = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");
        static string Placeholders(string text) =>
            string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order());
        Assert.All(japanese, pair => Assert.True(Placeholders(pair.Value) == Placeholders(english[pair.Key]), pair.Key));
    }

    [Fact]
    public void English_text_contains_no_Japanese_script()
    {
        var english = Read("SharedResource.en.resx");
        Assert.All(english.Where(p => p.Key != "Nav.Language"), pair =>
            Assert.DoesNotMatch(@"[\u3040-\u30ff\u4e00-\u9fff]", pair.Value));
    }
}
