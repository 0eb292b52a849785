using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Statement;

/// <summary>
/// The statement of security measures taken as it would be published now, in Japanese and English,
/// with the honesty check per measure, the foreign countries and whether the published version is
/// out of date. Compliance officers, administrators and management read it; the first two edit.
/// </summary>
public class IndexModel(AppDbContext db, StatementDraft drafts) : PageModel
{
    public Draft Draft { get; private set; } = null!;
    public StatementVersion? Published { get; private set; }
    /// <summary>Foreign countries now in the ledger or the contractor register that the published version does not name.</summary>
    public List<StatementCountry> NewCountries { get; private set; } = [];
    public bool ChangedSincePublished { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Draft = await drafts.BuildAsync(cancellationToken);
        Published = await PublishStatement.LatestAsync(db, cancellationToken);
        if (Published is not null)
        {
            NewCountries = Draft.Countries.Where(c => !Published.Countries.Contains(c.Code)).ToList();
            ChangedSincePublished = Published.TextJa != Draft.Ja.ToPlainText() || Published.TextEn != Draft.En.ToPlainText();
        }

        CanEdit = StatementAccess.CanEdit(User);
    }
}
