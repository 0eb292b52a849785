using System.Security.Claims;
using System.Security.Cryptography;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Audits;

/// <summary>What an auditor posts for one measure's audit test.</summary>
public sealed class AuditTestInput
{
    public string? MeasureCode { get; set; }
    public string? Procedure { get; set; }
    public string? Inspected { get; set; }
    public int? PopulationSize { get; set; }
    public int? SampleSize { get; set; }
    public SamplingMethod? Method { get; set; }
    public int? Seed { get; set; }
    public string? SampleItems { get; set; }
    public AuditTestResult? Result { get; set; }
    public string? Notes { get; set; }
    public uint? Version { get; set; }
}

/// <summary>
/// Saves one measure's audit test. A random sample is drawn by <see cref="Sampling"/> from the
/// recorded seed (a new seed is chosen and recorded when none is given), so anyone can redraw it;
/// "all" takes the whole population; a judgmental sample is the items the auditor lists.
/// </summary>
public sealed class RecordAuditTest(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int TextLength = 4000;

    public async Task<IReadOnlyList<string>> SaveAsync(ClaimsPrincipal user, Audit audit, IReadOnlyCollection<string> measureCodes, AuditTestInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (audit.Status is not (AuditStatus.Scheduled or AuditStatus.InFieldwork or AuditStatus.Reporting))
        {
            return [l["Audits.NotInFieldwork"]];
        }

        if (input.MeasureCode is null || !measureCodes.Contains(input.MeasureCode))
        {
            return [l["Audits.UnknownMeasures", input.MeasureCode ?? ""]];
        }

        var procedure = (input.Procedure ?? "").Trim();
        var inspected = (input.Inspected ?? "").Trim();
        var notes = (input.Notes ?? "").Trim();
        var items = (input.SampleItems ?? "").Trim();
        foreach (var (text, key) in new[] { (procedure, "Audits.Field.Procedure"), (inspected, "Audits.Field.Inspected"), (notes, "Audits.Field.Notes") })
        {
            if (text.Length > TextLength)
            {
                errors.Add(l["Validation.MaxLength", l[key], TextLength]);
            }
        }

        if (items.Length > 20000)
        {
            errors.Add(l["Validation.MaxLength", l["Audits.Field.SampleItems"], 20000]);
        }

        if (input.PopulationSize is { } population && population is < 1 or > Sampling.MaxPopulation)
        {
            errors.Add(l["Audits.PopulationRange", Sampling.MaxPopulation]);
        }

        if (input.SampleSize is { } size && (size < 1 || (input.PopulationSize is { } p && size > p)))
        {
            errors.Add(l["Audits.SampleSizeRange"]);
        }

        int? seed = null;
        switch (input.Method)
        {
            case SamplingMethod.Random:
                if (input.PopulationSize is null || input.SampleSize is null)
                {
                    errors.Add(l["Audits.RandomNeedsSizes"]);
                }
                else if (errors.Count == 0)
                {
                    seed = input.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
                    items = Sampling.Format(Sampling.Pick(seed.Value, input.PopulationSize.Value, input.SampleSize.Value));
                }

                break;
            case SamplingMethod.All:
                if (input.PopulationSize is null)
                {
                    errors.Add(l["Audits.RandomNeedsSizes"]);
                }
                else
                {
                    input.SampleSize = input.PopulationSize;
                    items = $"1–{input.PopulationSize}";
                }

                break;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var test = await db.AuditTests.SingleOrDefaultAsync(t => t.AuditId == audit.Id && t.MeasureCode == input.MeasureCode, cancellationToken);
        if (test is null)
        {
            test = new AuditTest { Id = Guid.NewGuid(), AuditId = audit.Id, MeasureCode = input.MeasureCode };
            db.AuditTests.Add(test);
        }
        else
        {
            db.Entry(test).Property(t => t.Version).OriginalValue = input.Version ?? uint.MaxValue;
        }

        test.Procedure = procedure;
        test.Inspected = inspected;
        test.PopulationSize = input.PopulationSize;
        test.SampleSize = input.SampleSize;
        test.Method = input.Method;
        test.Seed = seed;
        test.SampleItems = items;
        test.Result = input.Result;
        test.Notes = notes;
        test.TestedAt = time.GetUtcNow();
        test.TestedById = DepartmentScope.UserId(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [l["Common.ConcurrencyConflict"]];
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(db))
        {
            // Someone saved the first test of this measure at the same time.
            return [l["Common.ConcurrencyConflict"]];
        }
    }
}
