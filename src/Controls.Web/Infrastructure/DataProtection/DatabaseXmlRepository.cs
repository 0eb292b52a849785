using System.Xml.Linq;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Controls.Web.Infrastructure.DataProtection;

/// <summary>
/// Keeps the data-protection key ring in the database, so sign-in cookies and antiforgery
/// tokens survive restarts and are valid on every app node.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = time.GetUtcNow(),
        });
        db.SaveChanges();
    }
}
