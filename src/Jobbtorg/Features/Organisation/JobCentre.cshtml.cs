using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Organisation;

/// <summary>One job centre's visiting address, phone number and directions, as the participant's invitation prints them.</summary>
[RequirePermission(Permission.ManageJobCentres)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class JobCentreModel(JobbtorgDb db, Texts texts) : PageModel
{
    public sealed class ContactInput
    {
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Directions { get; set; }
    }

    public JobCentre Centre { get; private set; } = null!;
    [BindProperty] public ContactInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } centre) return NotFound();
        Centre = centre;
        Input = new ContactInput { Address = centre.Address, Phone = centre.Phone, Directions = centre.Directions };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id) is not { } centre) return NotFound();
        Centre = centre;
        var contact = new JobCentreContact(Input.Address, Input.Phone, Input.Directions);
        ModelState.AddErrors(FieldErrors.From(contact.Rules()), texts, nameof(Input));
        if (!ModelState.IsValid) return Page();
        contact.ApplyTo(centre);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = texts.Format("The contact details of {0} are saved.", centre.Name);
        return RedirectToPage("JobCentres");
    }

    private Task<JobCentre?> FindAsync(int id) => db.JobCentres.FirstOrDefaultAsync(c => c.Id == id, HttpContext.RequestAborted);
}
