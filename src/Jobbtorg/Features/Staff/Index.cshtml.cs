using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Staff;

/// <summary>Everyone who can sign in (and everyone who could): role, where they work, status and last sign-in.</summary>
[RequirePermission(Permission.ManageStaff)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class IndexModel(JobbtorgDb db) : PageModel
{
    public enum StatusFilter { Active, Deactivated, All }

    public sealed record Row(AppUser User, string? Role, string? Binding);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public StatusFilter Status { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var choices = await StaffChoices.LoadAsync(db, ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).Order().First());
        // A city has hundreds of staff, not millions: filtered here, where the search can ignore case alike on every database.
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        Total = users.Count;
        Rows = users
            .Select(u => new Row(u, roleOf.GetValueOrDefault(u.Id), choices.NameOf(StaffBinding.Of(u))))
            .Where(r => Status switch
            {
                StatusFilter.Active => r.User.IsActive,
                StatusFilter.Deactivated => !r.User.IsActive,
                _ => true,
            })
            .Where(r => string.IsNullOrEmpty(Role) || r.Role == Role)
            .Where(r => string.IsNullOrWhiteSpace(Q)
                        || r.User.DisplayName.Contains(Q.Trim(), StringComparison.CurrentCultureIgnoreCase)
                        || (r.User.Email ?? "").Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
