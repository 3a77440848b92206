using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Staff;

/// <summary>A new user: e-mail, name, role and where they work. The answer shows the one-time password, once: it is
/// never stored readable and never shown again.</summary>
[RequirePermission(Permission.ManageStaff)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class NewModel(JobbtorgDb db, StaffAdministration staff, CurrentUser user, Texts texts) : PageModel, IRoleForm
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public RoleInput Input { get; set; } = new();
    public StaffChoices Choices { get; private set; } = null!;

    /// <summary>Set once the user is created: who, and the password to hand over.</summary>
    public AppUser? Created { get; private set; }
    public string? OneTimePassword { get; private set; }

    public async Task OnGetAsync() => Choices = await StaffChoices.LoadAsync(db, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        Choices = await StaffChoices.LoadAsync(db, HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), texts["Enter the user's e-mail address."]);
        if (string.IsNullOrWhiteSpace(DisplayName)) ModelState.AddModelError(nameof(DisplayName), texts["Enter the user's name."]);
        if (string.IsNullOrEmpty(Input.Role)) ModelState.AddModelError("Input.Role", texts["Choose a role."]);
        foreach (var (field, message) in Input.UnknownIn(Choices)) ModelState.AddModelError(field, texts[message]);
        if (!ModelState.IsValid) return Page();
        try
        {
            (Created, OneTimePassword) = await staff.CreateAsync(Email, DisplayName, Input.Role, Input.Binding,
                new StaffActor(user.Id, user.Name), HttpContext.RequestAborted);
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError("", texts.Format(rule.Template, rule.Args));
        }
        return Page();
    }
}
