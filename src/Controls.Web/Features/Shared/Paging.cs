namespace Controls.Web.Features.Shared;

/// <summary>
/// One page of a long list (query parameter <c>p</c>, from 1). Any number a person or a script may
/// send — 0, -1, 100000, text — gives a page: out-of-range numbers are clamped, text binds as page 1,
/// and a page past the end is empty with a link back.
/// </summary>
public sealed record Paging(int PageNumber, bool HasMore)
{
    public const int MaxPage = 100_000;

    public static int Clamp(int pageNumber) => Math.Clamp(pageNumber, 1, MaxPage);

    /// <summary>How many rows to skip and to read (one more than a page, to tell whether there is a next).</summary>
    public static (int Skip, int Take) Window(int pageNumber, int pageSize) => ((Clamp(pageNumber) - 1) * pageSize, pageSize + 1);
}
