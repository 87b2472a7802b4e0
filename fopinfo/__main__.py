from fopinfo.cli import main

main()
