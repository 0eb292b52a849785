using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Controls.Web.Seeding;

/// <summary>Creates the first administrator of an organisation that starts without demo data.</summary>
public sealed class CreateAdministrator(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public sealed record Result(IReadOnlyList<string> Errors);

    public async Task<Result> RunAsync(string email, string displayName, string password)
    {
        if (string.IsNullOrWhiteSpace(password))
        {
            return new Result(["no password was given on standard input"]);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return new Result([$"a user with the e-mail address {email} already exists"]);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = time.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new Result(created.Errors.Select(e => e.Description).ToList());
        }

        var role = await users.AddToRoleAsync(user, Roles.Administrator);
        if (!role.Succeeded)
        {
            return new Result(role.Errors.Select(e => e.Description).ToList());
        }

        await transaction.CommitAsync();
        return new Result([]);
    }
}
