using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Shared;

/// <summary>
/// The choices and checks the record forms have in common (a contractor, a ledger entry, an
/// incident, a data subject's request): the owning department, the countries, the contractors one
/// may name, the ledger entries one may link, known choices.
/// Each feature's form (ContractorForm, LedgerForm, IncidentForm, RequestForm) calls them in its own order,
/// names its own fields and messages, and keeps only the rules that are its own. A problem is a
/// ModelState error on the field; every check runs, so that all problems show at once.
/// </summary>
public static class RecordForm
{
    /// <summary>The departments one may choose: every active one (and the record's current one), or only <paramref name="own"/> for a user limited to their department.</summary>
    public static Task<List<SelectListItem>> DepartmentChoices(AppDbContext db, Guid? own, Guid? current) =>
        DepartmentTree.ChoicesAsync(db, current, own);

    /// <summary>The countries of the list, named in the language with their code.</summary>
    public static List<SelectListItem> CountryChoices(string language) =>
        Countries.All.Select(c => new SelectListItem($"{c.Name(language)} ({c.Code})", c.Code)).ToList();

    /// <summary>The contractors one may name: a user limited to their department (<paramref name="own"/>) that department's, others every one in the register (the choices and the check of posted ids).</summary>
    public static IQueryable<Contractor> NameableContractors(AppDbContext db, Guid? own) =>
        own is { } department ? db.Contractors.Where(c => c.OwningDepartmentId == department) : db.Contractors;

    public static async Task<List<SelectListItem>> ContractorChoices(AppDbContext db, Guid? own) =>
        (await NameableContractors(db, own).AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync())
        .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToList();

    /// <summary>The ledger's data sets one may link: a user limited to their department (<paramref name="own"/>) that department's, others every one (the choices and the check of posted ids).</summary>
    public static IQueryable<LedgerEntry> LinkableLedgerEntries(AppDbContext db, Guid? own) =>
        own is { } department ? db.LedgerEntries.Where(e => e.DepartmentId == department) : db.LedgerEntries;

    /// <summary>The ledger choices, by department code and name ("D-01 顧客名簿").</summary>
    public static async Task<List<SelectListItem>> LedgerChoices(AppDbContext db, Guid? own) =>
        (await LinkableLedgerEntries(db, own).AsNoTracking()
            .OrderBy(e => e.Department.Code).ThenBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, e.Department.Code }).ToListAsync())
        .Select(e => new SelectListItem($"{e.Code} {e.Name}", e.Id.ToString())).ToList();

    /// <summary>At least one country, each from the list ("Input.Countries").</summary>
    public static void CheckCountries(ModelStateDictionary state, IStringLocalizer l, IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0)
        {
            state.AddModelError("Input.Countries", l["Contractors.CountriesRequired"]);
        }

        foreach (var unknown in codes.Where(c => !Countries.IsKnown(c)))
        {
            state.AddModelError("Input.Countries", l["Contractors.UnknownCountry", unknown]);
        }
    }

    /// <summary>A value of the choice's enum (a posted number outside it is refused).</summary>
    public static void CheckKnown<TEnum>(ModelStateDictionary state, string field, TEnum value, string message)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            state.AddModelError(field, message);
        }
    }

    /// <summary>
    /// The chosen records are all among those one may choose; <paramref name="ids"/> is null when a
    /// posted value was not an id at all, which is refused the same way.
    /// </summary>
    public static async Task CheckChosenAsync<TRecord>(ModelStateDictionary state, string field, string message, IQueryable<TRecord> choosable, List<Guid>? ids)
        where TRecord : class, IVersionedRecord
    {
        if (ids is null || (ids.Count > 0 && await choosable.CountAsync(r => ids.Contains(r.Id)) != ids.Count))
        {
            state.AddModelError(field, message);
        }
    }

    /// <summary>
    /// The owning department, when one is chosen (the field's own attribute asks for it): one this
    /// user may give records to (<paramref name="mayUse"/>, else <paramref name="notYours"/>), and
    /// active — a record whose department was retired since may keep it (<paramref name="current"/>).
    /// </summary>
    public static async Task CheckDepartmentAsync(AppDbContext db, IStringLocalizer l, ModelStateDictionary state, string field,
        Guid? departmentId, Func<Guid, bool> mayUse, string notYours, Guid? current)
    {
        if (departmentId is not { } id)
        {
            return;
        }

        if (!mayUse(id))
        {
            state.AddModelError(field, l[notYours]);
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == id && (d.RetiredAt == null || d.Id == current)))
        {
            state.AddModelError(field, l["Validation.UnknownDepartment"]);
        }
    }
}
