namespace Controls.IntegrationTests.Fuzzing;

/// <summary>
/// The one list of hostile values the form fuzzer posts, by class. Add a class here and every
/// form and field gets it: nothing else in the fuzzer names a value.
/// </summary>
/// <remarks>
/// A class that can reach the database as it is (text of any length or character, a number) may
/// meet the providers differently — PostgreSQL enforces column lengths and numeric precision and
/// refuses NUL in text, SQLite does neither — so it is posted on both providers. The others are
/// refused by model binding or the page's own checks before any query, the same on either
/// provider, so the PostgreSQL pass leaves them to the SQLite one (<see cref="ForProvider"/>).
/// </remarks>
public static class HostileValues
{
    public sealed record Hostile(string Class, string Value, bool MayDifferByProvider = false);

    public static readonly IReadOnlyList<Hostile> All =
    [
        new("empty", ""),
        new("spaces", "   "),
        new("20,000 characters", new string('A', 20_000), MayDifferByProvider: true),
        new("markup", "<script>alert('x')</script><b>bold</b>"),
        new("SQL", "' OR 1=1 --", MayDifferByProvider: true),
        new("path traversal", "../../etc/passwd"),
        new("minus one", "-1", MayDifferByProvider: true),
        new("huge number", "99999999999999999999", MayDifferByProvider: true),
        new("1e309", "1e309"),
        new("NaN", "NaN"),
        new("impossible date", "2026-02-30"),
        new("zero date", "0000-00-00"),
        new("NUL character", "a\0b", MayDifferByProvider: true),
        new("control characters", "a\u0001\u001Fb\u007F", MayDifferByProvider: true),
        new("emoji", "😀🚀👩‍👩‍👧", MayDifferByProvider: true),
        new("long Japanese text", string.Concat(Enumerable.Repeat("個人情報の安全管理措置を点検します。", 300)), MayDifferByProvider: true),
        new("not a boolean", "maybe"),
        new("wrong type for a select", "not-an-option-\u00e9"),
    ];

    /// <summary>The classes the fuzzer posts on this test run's provider: all on SQLite, those that may differ on PostgreSQL.</summary>
    public static IReadOnlyList<Hostile> ForProvider(Controls.Web.Data.DatabaseProvider provider) =>
        provider == Controls.Web.Data.DatabaseProvider.Sqlite ? All : [.. All.Where(h => h.MayDifferByProvider)];
}
