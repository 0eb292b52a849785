namespace Controls.Web.Features.Audits;

/// <summary>
/// Random sampling (無作為抽出) that anyone can repeat: System.Random(seed) shuffles the population
/// 1..N and the first <c>size</c> numbers, sorted, are the sample. The seed is recorded with the test.
/// </summary>
public static class Sampling
{
    public const int MaxPopulation = 100_000;

    public static IReadOnlyList<int> Pick(int seed, int population, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(population, MaxPopulation);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, population);
        var items = Enumerable.Range(1, population).ToArray();
        new Random(seed).Shuffle(items);
        return items.Take(size).Order().ToList();
    }

    /// <summary>The sample as stored and shown: one number a line.</summary>
    public static string Format(IEnumerable<int> sample) => string.Join("\n", sample);
}
