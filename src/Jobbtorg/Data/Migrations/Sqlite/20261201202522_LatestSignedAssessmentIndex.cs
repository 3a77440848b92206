using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LatestSignedAssessmentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Assessments_LatestSigned",
                table: "Assessments",
                columns: new[] { "CaseId", "AssessedOn", "Id" },
                descending: new[] { false, true, true },
                filter: "\"Status\" = 'Signed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assessments_LatestSigned",
                table: "Assessments");
        }
    }
}
