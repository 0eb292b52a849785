namespace Controls.IntegrationTests.Fuzzing;

/// <summary>
/// The one list of hostile values the form fuzzer posts, by class. Add a class here and every
/// form and field gets it: nothing else in the fuzzer names a value.
/// </summary>
public static class HostileValues
{
    public sealed record Hostile(string Class, string Value);

    public static readonly IReadOnlyList<Hostile> All =
    [
        new("empty", ""),
        new("spaces", "   "),
        new("20,000 characters", new string('A', 20_000)),
        new("markup", "<script>alert('x')</script><b>bold</b>"),
        new("SQL", "' OR 1=1 --"),
        new("path traversal", "../../etc/passwd"),
        new("minus one", "-1"),
        new("huge number", "99999999999999999999"),
        new("1e309", "1e309"),
        new("NaN", "NaN"),
        new("impossible date", "2026-02-30"),
        new("zero date", "0000-00-00"),
        new("NUL character", "a\0b"),
        new("control characters", "a\u0001\u001Fb\u007F"),
        new("emoji", "😀🚀👩‍👩‍👧"),
        new("long Japanese text", string.Concat(Enumerable.Repeat("個人情報の安全管理措置を点検します。", 300))),
        new("not a boolean", "maybe"),
        new("wrong type for a select", "not-an-option-\u00e9"),
    ];
}
