using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobCentreContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Directions",
                table: "JobCentres",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "JobCentres",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Directions",
                table: "JobCentres");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "JobCentres");
        }
    }
}
