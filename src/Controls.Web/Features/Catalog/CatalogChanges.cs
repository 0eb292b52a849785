namespace Controls.Web.Features.Catalog;

/// <summary>What a new catalog version adds, changes and retires compared with the one before, by stable id.</summary>
public sealed record CatalogChanges(
    IReadOnlyList<string> AddedMeasures,
    IReadOnlyList<string> ChangedMeasures,
    IReadOnlyList<string> RetiredMeasures,
    IReadOnlyList<string> AddedItems,
    IReadOnlyList<string> ChangedItems,
    IReadOnlyList<string> RetiredItems)
{
    public bool IsEmpty => AddedMeasures.Count + ChangedMeasures.Count + RetiredMeasures.Count
        + AddedItems.Count + ChangedItems.Count + RetiredItems.Count == 0;

    public static CatalogChanges Compare(CatalogDocument? before, CatalogDocument after)
    {
        var old = (before?.Measures ?? []).ToDictionary(m => m.Id);
        var now = after.Measures.ToDictionary(m => m.Id);
        var oldItems = old.Values.SelectMany(m => m.Items).ToDictionary(i => i.Id);
        var newItems = now.Values.SelectMany(m => m.Items).ToDictionary(i => i.Id);

        return new CatalogChanges(
            now.Keys.Where(id => !old.ContainsKey(id)).ToList(),
            now.Values.Where(m => old.TryGetValue(m.Id, out var was) && !SameMeasure(was, m)).Select(m => m.Id).ToList(),
            old.Keys.Where(id => !now.ContainsKey(id)).ToList(),
            newItems.Keys.Where(id => !oldItems.ContainsKey(id)).ToList(),
            newItems.Values.Where(i => oldItems.TryGetValue(i.Id, out var was) && was != i).Select(i => i.Id).ToList(),
            oldItems.Keys.Where(id => !newItems.ContainsKey(id)).ToList());
    }

    /// <summary>The measure's own fields (its items are compared one by one).</summary>
    private static bool SameMeasure(CatalogMeasure a, CatalogMeasure b) =>
        a.Category == b.Category && a.Title == b.Title && a.Description == b.Description && a.Recurrence == b.Recurrence
        && a.Statement == b.Statement && a.Iso27001.SequenceEqual(b.Iso27001) && a.AppiMeasures.SequenceEqual(b.AppiMeasures)
        && a.Items.Select(i => i.Id).SequenceEqual(b.Items.Select(i => i.Id));
}
