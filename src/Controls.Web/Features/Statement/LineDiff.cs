namespace Controls.Web.Features.Statement;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// A line-based diff by longest common subsequence: the lines of <c>before</c> missing from the
/// common subsequence are removed, those of <c>after</c> are added. Quadratic in time and memory,
/// which is fine for a statement of a few hundred lines.
/// </summary>
public static class LineDiff
{
    public static List<DiffLine> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var n = before.Count;
        var m = after.Count;
        // lcs[i, j]: length of the LCS of before[i..] and after[j..].
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(before[i], after[j], StringComparison.Ordinal)
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<DiffLine>(n + m);
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (string.Equals(before[x], after[y], StringComparison.Ordinal))
            {
                result.Add(new DiffLine(DiffKind.Same, before[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new DiffLine(DiffKind.Removed, before[x]));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, after[y]));
                y++;
            }
        }

        for (; x < n; x++)
        {
            result.Add(new DiffLine(DiffKind.Removed, before[x]));
        }

        for (; y < m; y++)
        {
            result.Add(new DiffLine(DiffKind.Added, after[y]));
        }

        return result;
    }
}
