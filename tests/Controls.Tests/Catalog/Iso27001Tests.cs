using Controls.Web.Features.Catalog;

namespace Controls.Tests.Catalog;

public class Iso27001Tests
{
    [Fact]
    public void Annex_A_has_93_controls_in_four_themes()
    {
        Assert.Equal(93, Iso27001.Controls.Count);
        Assert.Equal(93, Iso27001.Controls.Select(c => c.Id).Distinct().Count());
        Assert.All(Iso27001.Controls, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));

        var themes = new Dictionary<string, (string Theme, int Count)>
        {
            ["5"] = (Iso27001.Organisational, 37),
            ["6"] = (Iso27001.People, 8),
            ["7"] = (Iso27001.Physical, 14),
            ["8"] = (Iso27001.Technological, 34),
        };
        foreach (var (prefix, (theme, count)) in themes)
        {
            var controls = Iso27001.Controls.Where(c => c.Id.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(1, count).Select(n => $"{prefix}.{n}"), controls.Select(c => c.Id));
            Assert.All(controls, c => Assert.Equal(theme, c.Theme));
        }
    }

    [Theory]
    [InlineData("5.1", true)]
    [InlineData("5.37", true)]
    [InlineData("7.10", true)]
    [InlineData("8.34", true)]
    [InlineData("5.38", false)]
    [InlineData("6.9", false)]
    [InlineData("9.2", false)]
    [InlineData("A.5.1", false)]
    [InlineData("5.01", false)]
    [InlineData("", false)]
    public void Only_exact_control_ids_are_controls(string id, bool expected) =>
        Assert.Equal(expected, Iso27001.IsControl(id));
}
