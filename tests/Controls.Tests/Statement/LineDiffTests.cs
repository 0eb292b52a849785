using Controls.Web.Features.Statement;

namespace Controls.Tests.Statement;

public class LineDiffTests
{
    private static string Show(IEnumerable<DiffLine> diff) =>
        string.Join("|", diff.Select(d => (d.Kind switch { DiffKind.Added => "+", DiffKind.Removed => "-", _ => " " }) + d.Text));

    [Fact]
    public void Equal_texts_have_only_unchanged_lines()
    {
        Assert.Equal(" a| b| c", Show(LineDiff.Compute(["a", "b", "c"], ["a", "b", "c"])));
    }

    [Fact]
    public void A_changed_line_is_removed_then_added_in_place()
    {
        Assert.Equal(" a|-b|+B| c", Show(LineDiff.Compute(["a", "b", "c"], ["a", "B", "c"])));
    }

    [Fact]
    public void Lines_added_and_removed_at_both_ends_and_in_the_middle()
    {
        Assert.Equal("+x| a|-b| c| d|+e", Show(LineDiff.Compute(["a", "b", "c", "d"], ["x", "a", "c", "d", "e"])));
    }

    [Fact]
    public void Empty_sides_are_all_added_or_all_removed()
    {
        Assert.Equal("+a|+b", Show(LineDiff.Compute([], ["a", "b"])));
        Assert.Equal("-a|-b", Show(LineDiff.Compute(["a", "b"], [])));
        Assert.Empty(LineDiff.Compute([], []));
    }

    [Fact]
    public void The_common_subsequence_is_the_longest_one()
    {
        // LCS of ABCBDAB and BDCABA has length 4: four unchanged lines, the rest marked.
        var diff = LineDiff.Compute(["A", "B", "C", "B", "D", "A", "B"], ["B", "D", "C", "A", "B", "A"]);
        Assert.Equal(4, diff.Count(d => d.Kind == DiffKind.Same));
        Assert.Equal(3, diff.Count(d => d.Kind == DiffKind.Removed));
        Assert.Equal(2, diff.Count(d => d.Kind == DiffKind.Added));
        // Reading the unchanged and removed lines gives the old text back; unchanged and added, the new one.
        Assert.Equal(["A", "B", "C", "B", "D", "A", "B"], diff.Where(d => d.Kind != DiffKind.Added).Select(d => d.Text));
        Assert.Equal(["B", "D", "C", "A", "B", "A"], diff.Where(d => d.Kind != DiffKind.Removed).Select(d => d.Text));
    }

    [Fact]
    public void Repeated_lines_are_matched_not_lost()
    {
        var diff = LineDiff.Compute(["", "x", ""], ["", "", "x", ""]);
        Assert.Equal(1, diff.Count(d => d.Kind == DiffKind.Added));
        Assert.Equal(0, diff.Count(d => d.Kind == DiffKind.Removed));
    }
}
