using Microsoft.AspNetCore.Identity;

namespace Controls.Web.Domain;

/// <summary>A person who signs in. Never hard-deleted: history refers to users.</summary>
public class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The one department the user belongs to; administrators may have none.</summary>
    public Guid? DepartmentId { get; set; }
    public Department? Department { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>"ja" or "en"; remembered from the language switch.</summary>
    public string PreferredLanguage { get; set; } = "ja";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeactivatedAt { get; set; }
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
